package neo4jstore

// A fake Neo4j server speaking Bolt 5.0 on a loopback port, for hermetic
// tests of the store through the real driver: handshake, authentication,
// transactions, streaming with PULL. It does not interpret Cypher: a test
// scripts the answer to each statement and inspects what the driver sent.

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"sort"
	"strings"
	"sync"
	"testing"
)

// Bolt message tags.
const (
	boltHello    = 0x01
	boltGoodbye  = 0x02
	boltReset    = 0x0F
	boltRun      = 0x10
	boltBegin    = 0x11
	boltCommit   = 0x12
	boltRollback = 0x13
	boltDiscard  = 0x2F
	boltPull     = 0x3F
	boltSuccess  = 0x70
	boltRecord   = 0x71
	boltIgnored  = 0x7E
	boltFailure  = 0x7F
)

// boltStruct is a PackStream structure.
type boltStruct struct {
	tag    byte
	fields []any
}

// boltFailureReply makes the fake answer a message with FAILURE.
type boltFailureReply struct{ code, message string }

// boltResult is the scripted answer to a RUN: its columns and records, or a
// failure.
type boltResult struct {
	fields  []string
	records [][]any
	fail    *boltFailureReply
	// block, if set, is waited on before answering (to test cancellation).
	block <-chan struct{}
}

// fakeDB is a database behind the fake server.
type fakeDB interface {
	begin(conn int)
	commit(conn int)
	rollback(conn int)
	run(conn int, query string, params map[string]any) boltResult
}

// boltEvent is one message received by the fake, in order.
type boltEvent struct {
	conn   int
	tag    byte
	query  string         // RUN
	params map[string]any // RUN
	extra  map[string]any // RUN, BEGIN, HELLO
}

// fakeBolt is the fake server.
type fakeBolt struct {
	t        *testing.T
	ln       net.Listener
	user     string
	password string
	dbs      map[string]bool // known database names; "" is the default
	// answer scripts the result of RUN; nil answers every statement with no
	// rows.
	answer func(query string, params map[string]any) boltResult
	// db, when set, answers RUNs instead of answer and keeps transactions:
	// it is told when a connection begins, commits or rolls back one.
	db fakeDB
	// failCommit, when positive, fails that many COMMITs with a transient
	// error, so that the driver retries the transaction.
	failCommit int

	mu     sync.Mutex
	events []boltEvent
	conns  int
	wg     sync.WaitGroup
}

func newFakeBolt(t *testing.T) *fakeBolt {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("cannot listen on loopback: %v", err)
	}
	f := &fakeBolt{t: t, ln: ln, user: "neo4j", password: "pw", dbs: map[string]bool{"": true, "neo4j": true}}
	f.wg.Add(1)
	go f.serve()
	t.Cleanup(func() {
		ln.Close()
		f.wg.Wait()
	})
	return f
}

func (f *fakeBolt) uri() string { return "bolt://" + f.ln.Addr().String() }

func (f *fakeBolt) config() Config {
	return Config{URI: f.uri(), Username: f.user, Password: f.password}
}

func (f *fakeBolt) serve() {
	defer f.wg.Done()
	for {
		c, err := f.ln.Accept()
		if err != nil {
			return
		}
		f.mu.Lock()
		f.conns++
		id := f.conns
		f.mu.Unlock()
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			defer c.Close()
			if err := f.session(id, c); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				f.t.Logf("fake bolt connection %d: %v", id, err)
			}
			if f.db != nil {
				f.db.rollback(id) // a transaction left open dies with its connection
			}
		}()
	}
}

// setAnswer sets the script of RUN answers.
func (f *fakeBolt) setAnswer(answer func(query string, params map[string]any) boltResult) {
	f.mu.Lock()
	f.answer = answer
	f.mu.Unlock()
}

// Events returns the messages received so far, tags and RUNs.
func (f *fakeBolt) Events() []boltEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]boltEvent(nil), f.events...)
}

func (f *fakeBolt) record(e boltEvent) {
	f.mu.Lock()
	f.events = append(f.events, e)
	f.mu.Unlock()
}

// session serves one connection.
func (f *fakeBolt) session(id int, c net.Conn) error {
	r := bufio.NewReader(c)
	w := bufio.NewWriter(c)
	hs := make([]byte, 20)
	if _, err := io.ReadFull(r, hs); err != nil {
		return err
	}
	if binary.BigEndian.Uint32(hs) != 0x6060B017 {
		return fmt.Errorf("bad magic %x", hs[:4])
	}
	if _, err := c.Write([]byte{0, 0, 0, 5}); err != nil { // Bolt 5.0
		return err
	}
	var (
		failed  bool         // after a FAILURE, IGNORED until RESET
		pending []boltResult // results waiting for PULL/DISCARD
		qid     int64
		inTx    bool
		txDB    string
	)
	for {
		msg, err := readBoltMessage(r)
		if err != nil {
			return err
		}
		s, ok := msg.(boltStruct)
		if !ok {
			return fmt.Errorf("message is %T", msg)
		}
		ev := boltEvent{conn: id, tag: s.tag}
		switch s.tag {
		case boltHello, boltBegin:
			ev.extra, _ = s.fields[0].(map[string]any)
		case boltRun:
			ev.query, _ = s.fields[0].(string)
			ev.params, _ = s.fields[1].(map[string]any)
			ev.extra, _ = s.fields[2].(map[string]any)
		}
		f.record(ev)
		reply := func(tag byte, fields ...any) error {
			return writeBoltMessage(w, boltStruct{tag: tag, fields: fields})
		}
		fail := func(code, message string) error {
			failed = true
			pending = nil
			return reply(boltFailure, map[string]any{"code": code, "message": message})
		}
		if failed && s.tag != boltReset && s.tag != boltGoodbye {
			if err := reply(boltIgnored); err != nil {
				return err
			}
			if err := w.Flush(); err != nil {
				return err
			}
			continue
		}
		switch s.tag {
		case boltHello:
			if ev.extra["principal"] != f.user || ev.extra["credentials"] != f.password {
				// A talkative server, to check that the store redacts.
				err = fail("Neo.ClientError.Security.Unauthorized",
					fmt.Sprintf("The client is unauthorized due to authentication failure (user %v, password %v).", ev.extra["principal"], ev.extra["credentials"]))
			} else {
				err = reply(boltSuccess, map[string]any{"server": "Neo4j/5.26.0", "connection_id": fmt.Sprintf("bolt-%d", id)})
			}
		case boltGoodbye:
			w.Flush()
			return nil
		case boltReset:
			if inTx && f.db != nil {
				f.db.rollback(id)
			}
			failed, pending, inTx = false, nil, false
			err = reply(boltSuccess, map[string]any{})
		case boltBegin:
			txDB, _ = ev.extra["db"].(string)
			if !f.dbs[txDB] {
				err = fail("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist. Database name: '"+txDB+"'.")
				break
			}
			inTx = true
			if f.db != nil {
				f.db.begin(id)
			}
			err = reply(boltSuccess, map[string]any{})
		case boltRun:
			res := boltResult{}
			f.mu.Lock()
			answer := f.answer
			f.mu.Unlock()
			switch {
			case f.db != nil:
				res = f.db.run(id, ev.query, ev.params)
			case answer != nil:
				res = answer(ev.query, ev.params)
			}
			if res.block != nil {
				<-res.block
			}
			if res.fail != nil {
				err = fail(res.fail.code, res.fail.message)
				break
			}
			meta := map[string]any{"fields": stringsToAny(res.fields), "t_first": int64(0)}
			if inTx {
				meta["qid"] = qid
				qid++
			}
			pending = append(pending, res)
			err = reply(boltSuccess, meta)
		case boltPull, boltDiscard:
			if len(pending) == 0 {
				err = fail("Neo.ClientError.Request.Invalid", "nothing to pull")
				break
			}
			extra, _ := s.fields[0].(map[string]any)
			n, _ := extra["n"].(int64)
			res := &pending[0]
			if s.tag == boltDiscard {
				res.records = nil
			}
			sent := int64(0)
			for len(res.records) > 0 && (n < 0 || sent < n) {
				if err = reply(boltRecord, res.records[0]); err != nil {
					return err
				}
				res.records = res.records[1:]
				sent++
			}
			if len(res.records) > 0 {
				err = reply(boltSuccess, map[string]any{"has_more": true})
			} else {
				pending = pending[1:]
				meta := map[string]any{"type": "rw", "t_last": int64(0), "db": "neo4j"}
				if !inTx {
					meta["bookmark"] = "fake:bm"
				}
				err = reply(boltSuccess, meta)
			}
		case boltCommit:
			f.mu.Lock()
			transient := f.failCommit > 0
			if transient {
				f.failCommit--
			}
			f.mu.Unlock()
			inTx = false
			if transient {
				if f.db != nil {
					f.db.rollback(id)
				}
				err = fail("Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire ExclusiveLock")
				break
			}
			if f.db != nil {
				f.db.commit(id)
			}
			err = reply(boltSuccess, map[string]any{"bookmark": "fake:bm"})
		case boltRollback:
			if inTx && f.db != nil {
				f.db.rollback(id)
			}
			inTx = false
			err = reply(boltSuccess, map[string]any{})
		default:
			err = fail("Neo.ClientError.Request.Invalid", fmt.Sprintf("fake server: message 0x%02X not supported", s.tag))
		}
		if err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
}

func stringsToAny(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// readBoltMessage reads one chunked message and decodes it.
func readBoltMessage(r *bufio.Reader) (any, error) {
	var buf []byte
	for {
		var size [2]byte
		if _, err := io.ReadFull(r, size[:]); err != nil {
			return nil, err
		}
		n := binary.BigEndian.Uint16(size[:])
		if n == 0 {
			if len(buf) == 0 {
				continue // NOOP chunk
			}
			break
		}
		chunk := make([]byte, n)
		if _, err := io.ReadFull(r, chunk); err != nil {
			return nil, err
		}
		buf = append(buf, chunk...)
	}
	d := &psDecoder{b: buf}
	v := d.value()
	return v, d.err
}

// writeBoltMessage encodes msg and writes it in chunks.
func writeBoltMessage(w io.Writer, msg any) error {
	var e psEncoder
	e.value(msg)
	if e.err != nil {
		return e.err
	}
	b := e.b
	for len(b) > 0 {
		n := min(len(b), 0xFFFF)
		if _, err := w.Write([]byte{byte(n >> 8), byte(n)}); err != nil {
			return err
		}
		if _, err := w.Write(b[:n]); err != nil {
			return err
		}
		b = b[n:]
	}
	_, err := w.Write([]byte{0, 0})
	return err
}

// psDecoder decodes PackStream.
type psDecoder struct {
	b   []byte
	err error
}

func (d *psDecoder) take(n int) []byte {
	if d.err != nil || len(d.b) < n {
		if d.err == nil {
			d.err = errors.New("packstream: truncated")
		}
		return make([]byte, n)
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *psDecoder) value() any {
	m := d.take(1)[0]
	switch {
	case m < 0x80:
		return int64(m)
	case m >= 0xF0:
		return int64(int8(m))
	case m >= 0x80 && m <= 0x8F:
		return string(d.take(int(m & 0x0F)))
	case m >= 0x90 && m <= 0x9F:
		return d.list(int(m & 0x0F))
	case m >= 0xA0 && m <= 0xAF:
		return d.dict(int(m & 0x0F))
	case m >= 0xB0 && m <= 0xBF:
		n := int(m & 0x0F)
		s := boltStruct{tag: d.take(1)[0]}
		for i := 0; i < n && d.err == nil; i++ {
			s.fields = append(s.fields, d.value())
		}
		return s
	}
	switch m {
	case 0xC0:
		return nil
	case 0xC1:
		return math.Float64frombits(binary.BigEndian.Uint64(d.take(8)))
	case 0xC2:
		return false
	case 0xC3:
		return true
	case 0xC8:
		return int64(int8(d.take(1)[0]))
	case 0xC9:
		return int64(int16(binary.BigEndian.Uint16(d.take(2))))
	case 0xCA:
		return int64(int32(binary.BigEndian.Uint32(d.take(4))))
	case 0xCB:
		return int64(binary.BigEndian.Uint64(d.take(8)))
	case 0xCC:
		return append([]byte(nil), d.take(int(d.take(1)[0]))...)
	case 0xCD:
		return append([]byte(nil), d.take(int(binary.BigEndian.Uint16(d.take(2))))...)
	case 0xD0:
		return string(d.take(int(d.take(1)[0])))
	case 0xD1:
		return string(d.take(int(binary.BigEndian.Uint16(d.take(2)))))
	case 0xD2:
		return string(d.take(int(binary.BigEndian.Uint32(d.take(4)))))
	case 0xD4:
		return d.list(int(d.take(1)[0]))
	case 0xD5:
		return d.list(int(binary.BigEndian.Uint16(d.take(2))))
	case 0xD6:
		return d.list(int(binary.BigEndian.Uint32(d.take(4))))
	case 0xD8:
		return d.dict(int(d.take(1)[0]))
	case 0xD9:
		return d.dict(int(binary.BigEndian.Uint16(d.take(2))))
	case 0xDA:
		return d.dict(int(binary.BigEndian.Uint32(d.take(4))))
	}
	if d.err == nil {
		d.err = fmt.Errorf("packstream: marker 0x%02X not supported", m)
	}
	return nil
}

func (d *psDecoder) list(n int) []any {
	out := make([]any, 0, min(n, 1<<16))
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.value())
	}
	return out
}

func (d *psDecoder) dict(n int) map[string]any {
	out := make(map[string]any, min(n, 1<<16))
	for i := 0; i < n && d.err == nil; i++ {
		k, ok := d.value().(string)
		if !ok && d.err == nil {
			d.err = errors.New("packstream: map key is not a string")
		}
		out[k] = d.value()
	}
	return out
}

// psEncoder encodes PackStream.
type psEncoder struct {
	b   []byte
	err error
}

func (e *psEncoder) header(n int, tiny, b8, b16, b32 byte) {
	switch {
	case n < 16 && tiny != 0:
		e.b = append(e.b, tiny|byte(n))
	case n < 1<<8:
		e.b = append(e.b, b8, byte(n))
	case n < 1<<16:
		e.b = append(e.b, b16, byte(n>>8), byte(n))
	default:
		e.b = append(e.b, b32)
		e.b = binary.BigEndian.AppendUint32(e.b, uint32(n))
	}
}

func (e *psEncoder) value(v any) {
	switch x := v.(type) {
	case nil:
		e.b = append(e.b, 0xC0)
	case bool:
		if x {
			e.b = append(e.b, 0xC3)
		} else {
			e.b = append(e.b, 0xC2)
		}
	case int:
		e.value(int64(x))
	case int64:
		switch {
		case x >= -16 && x < 128:
			e.b = append(e.b, byte(int8(x)))
		case x >= math.MinInt32 && x <= math.MaxInt32:
			e.b = append(e.b, 0xCA)
			e.b = binary.BigEndian.AppendUint32(e.b, uint32(int32(x)))
		default:
			e.b = append(e.b, 0xCB)
			e.b = binary.BigEndian.AppendUint64(e.b, uint64(x))
		}
	case float64:
		e.b = append(e.b, 0xC1)
		e.b = binary.BigEndian.AppendUint64(e.b, math.Float64bits(x))
	case string:
		e.header(len(x), 0x80, 0xD0, 0xD1, 0xD2)
		e.b = append(e.b, x...)
	case []string:
		e.value(stringsToAny(x))
	case []any:
		e.header(len(x), 0x90, 0xD4, 0xD5, 0xD6)
		for _, y := range x {
			e.value(y)
		}
	case map[string]any:
		e.header(len(x), 0xA0, 0xD8, 0xD9, 0xDA)
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			e.value(k)
			e.value(x[k])
		}
	case boltStruct:
		e.b = append(e.b, 0xB0|byte(len(x.fields)), x.tag)
		for _, y := range x.fields {
			e.value(y)
		}
	default:
		e.err = fmt.Errorf("packstream: cannot encode %T", v)
	}
}

// runs returns the RUN events whose query is the registry statement name.
func runsOf(events []boltEvent, name string) []boltEvent {
	var out []boltEvent
	for _, e := range events {
		if e.tag == boltRun && e.query == statements[name].Cypher {
			out = append(out, e)
		}
	}
	return out
}

// tags returns the sequence of message names, for failure messages.
func tags(events []boltEvent) string {
	names := map[byte]string{boltHello: "HELLO", boltGoodbye: "GOODBYE", boltReset: "RESET", boltRun: "RUN",
		boltBegin: "BEGIN", boltCommit: "COMMIT", boltRollback: "ROLLBACK", boltDiscard: "DISCARD", boltPull: "PULL"}
	var b strings.Builder
	for _, e := range events {
		n := names[e.tag]
		if e.tag == boltRun {
			n += "(" + statementName(e.query) + ")"
		}
		fmt.Fprintf(&b, "%d:%s ", e.conn, n)
	}
	return b.String()
}

func statementName(cypher string) string {
	for name, st := range statements {
		if st.Cypher == cypher {
			return name
		}
	}
	return "user query"
}
