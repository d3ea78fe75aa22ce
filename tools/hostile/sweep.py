#!/usr/bin/python3
"""Adversarial sweep of issue #16: runs the families of hostile inputs of each
finding against an alliances binary and counts the cases it handles.

A case is handled when the command exits with one of the codes the case
allows (never 2 for anything but a usage mistake, never a Go panic), within
its time limit, within its memory limit (maximum resident set size), and its
own check passes (the store unchanged, no secret printed, an SVG well-formed…).

Usage: tools/hostile/sweep.py BIN [FAMILY...]   (SWEEP_VERBOSE=1: one line per case)
Run as root for the cases that need a tmpfs or another user (skipped
otherwise). docs/reliability.md records the counts of the last run.
"""

import gzip
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xml.dom.minidom
import zipfile

BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "alliances"
ONLY = set(sys.argv[2:])
ROOT = os.geteuid() == 0
EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "loire-souss")

results = {}  # family -> [tried, handled, [failures]]


def run(args, cwd, env=None, timeout=60):
    """Runs BIN with args; returns (code, stdout, stderr, seconds, max RSS MB)."""
    rss = os.path.join(cwd, ".rss")
    e = dict(os.environ)
    e.update(env or {})
    start = time.time()
    p = subprocess.Popen(["/usr/bin/time", "-o", rss, "-f", "%M", BIN] + args, cwd=cwd, env=e,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        code = p.returncode
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        code = "timeout"
    secs = time.time() - start
    try:
        with open(rss) as f:
            mb = int(f.read().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        mb = 0
    return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), secs, mb


def case(family, name, args, codes, setup=None, check=None, env=None, timeout=60, max_mb=400, cwd=None):
    """Runs one case in a fresh directory and records whether it was handled."""
    if ONLY and family not in ONLY:
        return
    d = cwd or tempfile.mkdtemp(prefix="sweep-")
    try:
        ctx = {"dir": d}
        if setup:
            setup(ctx)
        a = [x.format(**ctx) if isinstance(x, str) else x for x in args]
        en = {k: v.format(**ctx) for k, v in (env or {}).items()}
        code, out, err, secs, mb = run(a, d, en, timeout)
        why = []
        if code not in codes:
            why.append(f"exit {code}, want {sorted(codes)}")
        if "panic:" in err or "goroutine " in err:
            why.append("Go panic")
        if mb > max_mb:
            why.append(f"{mb:.0f} MB > {max_mb} MB")
        if check and not why:
            msg = check(ctx, code, out, err)
            if msg:
                why.append(msg)
        if os.environ.get("SWEEP_VERBOSE"):
            sys.stderr.write(f"{family} | {name[:70]} | exit {code} | {secs:.1f} s | {mb:.0f} MB | {'FAIL ' + '; '.join(why) if why else 'ok'}\n")
        r = results.setdefault(family, [0, 0, []])
        r[0] += 1
        if why:
            r[2].append(f"{name}: {'; '.join(why)} | {err.strip()[:200]!r}")
        else:
            r[1] += 1
    finally:
        if cwd is None:
            shutil.rmtree(d, ignore_errors=True)


def write(path, content, mode="w"):
    with open(path, mode) as f:
        f.write(content)


def example(ctx, store="alliances.db"):
    """Ingests the bundled example into ctx's directory."""
    files = sorted(os.path.join(EXAMPLE, f) for f in os.listdir(EXAMPLE) if f.endswith(".csv"))
    code, _, err, _, _ = run(["ingest", "--quiet", "--store", store] + files, ctx["dir"])
    assert code == 0, err


def small(ctx, actors="id,name,family\na,A,ong\nb,B,association\nc,C,ong\n", links="source,target\na,b\nb,c\n"):
    write(os.path.join(ctx["dir"], "actors.csv"), actors)
    write(os.path.join(ctx["dir"], "links.csv"), links)


# ---------------------------------------------------------------- finding 1
def family_cache():
    f = "1 cache"
    cmds = [["version"], ["analyze", "--store", "{dir}/none.db"], ["map", "--engine", "embedded", "-o", "m.svg"]]

    def planted(mode, owner=None):
        def s(ctx):
            example(ctx)
            t = os.path.join(ctx["dir"], "tmp")
            g = os.path.join(t, "go-graphviz", "wazero-v1.10.1-amd64-linux")
            os.makedirs(g)
            write(os.path.join(g, "planted"), "\xcc" * 64)
            for p in [t, os.path.join(t, "go-graphviz"), g]:
                os.chmod(p, mode)
                if owner is not None:
                    os.chown(p, owner, owner)
            ctx["tmp"] = t
        return s

    def untouched(ctx, code, out, err):
        g = os.path.join(ctx["dir"], "tmp", "go-graphviz")
        if os.path.isdir(g):
            for root, _, files in os.walk(g):
                if any(x != "planted" for x in files):
                    return "wrote into $TMPDIR/go-graphviz"
        return None

    variants = [("planted 0777", planted(0o777)), ("planted 0755", planted(0o755)), ("planted 0700", planted(0o700))]
    if ROOT:
        variants += [("planted by nobody 0755", planted(0o755, 65534)), ("planted by nobody 0700", planted(0o700, 65534))]
    for vname, setup in variants:
        for c in cmds:
            codes = {0} if c[0] != "analyze" else {1}
            case(f, f"{vname}: {c[0]}", c, codes, setup, untouched, env={"TMPDIR": "{tmp}", "XDG_CACHE_HOME": "{dir}/cache"})
    # TMPDIR missing, a file, unwritable; the cache directory hostile.
    for vname, tmp in [("TMPDIR missing", "{dir}/missing"), ("TMPDIR a file", "{dir}/actors.csv"), ("TMPDIR /proc", "/proc")]:
        for c in cmds:
            codes = {0} if c[0] != "analyze" else {1}
            case(f, f"{vname}: {c[0]}", c, codes, lambda ctx: (example(ctx), small(ctx)), env={"TMPDIR": tmp, "XDG_CACHE_HOME": "{dir}/cache"})

    def cache_dir(kind):
        def s(ctx):
            example(ctx)
            c = os.path.join(ctx["dir"], "cache")
            if kind == "file":
                write(c, "")
            elif kind == "open":
                os.makedirs(os.path.join(c, "alliances", "graphviz"))
                os.chmod(os.path.join(c, "alliances", "graphviz"), 0o777)
            elif kind == "link":
                os.makedirs(os.path.join(c, "alliances"))
                os.makedirs(os.path.join(ctx["dir"], "elsewhere"))
                os.symlink(os.path.join(ctx["dir"], "elsewhere"), os.path.join(c, "alliances", "graphviz"))
            elif kind == "nobody":
                os.makedirs(os.path.join(c, "alliances", "graphviz"))
                os.chown(os.path.join(c, "alliances", "graphviz"), 65534, 65534)
        return s
    kinds = ["file", "open", "link"] + (["nobody"] if ROOT else [])
    for k in kinds:
        case(f, f"cache dir {k}: map", ["map", "--engine", "embedded", "-o", "m.svg"], {0}, cache_dir(k),
             env={"XDG_CACHE_HOME": "{dir}/cache"})
    # Little space: a tmpfs of 1 MB as TMPDIR and as cache.
    if ROOT:
        for where in ["TMPDIR", "XDG_CACHE_HOME"]:
            for c in cmds:
                def s(ctx):
                    example(ctx)
                    small(ctx)
                    m = os.path.join(ctx["dir"], "small")
                    os.makedirs(m)
                    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", m], check=True)
                    write(os.path.join(m, "fill"), "x" * 900_000)
                    ctx["small"] = m
                env = {"TMPDIR": "{dir}/tmp-unused", "XDG_CACHE_HOME": "{dir}/cache"}
                env[where] = "{small}"
                codes = {0} if c[0] != "analyze" else {1}
                d = tempfile.mkdtemp(prefix="sweep-")
                try:
                    case(f, f"1 MB tmpfs as {where}: {c[0]}", c, codes, s, env=env, cwd=d)
                finally:
                    subprocess.run(["umount", os.path.join(d, "small")], stderr=subprocess.DEVNULL)
                    shutil.rmtree(d, ignore_errors=True)


# ---------------------------------------------------------------- finding 3
def family_weights():
    f = "3 weights"
    weights = ["9e307", "1.7976931348623157e308", "1e308", "1e200", "1e16", "1e15", "1e-9", "1e-10", "1e-300",
               "5e-324", "4.9e-324", "0", "-0", "-1", "inf", "NaN", "1e400", "0x1p1023", "1,5e307"]
    for w in weights:
        ok = w in ("1e15", "1e-9")
        for fmt in ["csv", "json", "graphml"]:
            def s(ctx, w=w, fmt=fmt):
                if fmt == "csv":
                    small(ctx, links=f"source,target,weight\na,b,{w}\nb,c,{w}\n")
                    ctx["files"] = "actors.csv links.csv"
                elif fmt == "json":
                    write(os.path.join(ctx["dir"], "d.json"),
                          '{"actors":[{"id":"a"},{"id":"b"},{"id":"c"}],"links":[{"source":"a","target":"b","weight":%s},{"source":"b","target":"c","weight":1}]}'
                          % (w if re.fullmatch(r"-?[0-9.e+-]+", w) else '"' + w + '"'))
                else:
                    write(os.path.join(ctx["dir"], "d.graphml"),
                          '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="w" for="edge" attr.name="weight" attr.type="double"/>'
                          '<graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>'
                          f'<edge source="a" target="b"><data key="w">{w}</data></edge><edge source="b" target="c"/></graph></graphml>')
            files = {"csv": ["actors.csv", "links.csv"], "json": ["d.json"], "graphml": ["d.graphml"]}[fmt]
            codes = {0} if ok else {3}
            if fmt != "csv" and w in ("0", "-0"):
                codes = {0, 3}  # graph files read an empty or zero weight as 1 (docs/ingest.md)
            case(f, f"ingest {fmt} weight {w}", ["ingest"] + files, codes, s)
            if ok:
                for extra in [["analyze", "--weighted"], ["analyze"], ["isolated"], ["map", "--engine", "embedded", "-o", "m.svg"]]:
                    def s2(ctx, s=s, files=files):
                        s(ctx)
                        assert run(["ingest", "--quiet"] + files, ctx["dir"])[0] == 0
                    case(f, f"{extra[0]} after {fmt} weight {w}", extra, {0}, s2)


# ---------------------------------------------------------------- finding 4
def family_credentials():
    f = "4 credentials"
    secret = "S3cr3t-pw"
    uris = [f"bolt://neo4j:{secret}@127.0.0.1:1", f"neo4j://{secret}@localhost", f"neo4j+s://u:{secret}@db.example.org:7687",
            f"bolt+s://u:{secret}@[::1]:7687/", f"BOLT://u:{secret}@h", f"neo4j://u%40x:{secret}@h:7687?x=1"]
    cmds = [["analyze"], ["report", "-o", "r"], ["map", "-o", "m.svg"], ["export", "--to", "json", "-o", "x.json"],
            ["query", "--cypher", "RETURN 1"], ["ingest", "x.csv"], ["isolated"], ["analyze", "--help"]]

    def nosecret(ctx, code, out, err):
        if secret in out + err:
            return "the password is printed"
        for root, _, files in os.walk(ctx["dir"]):
            for x in files:
                if x == ".rss":
                    continue
                with open(os.path.join(root, x), "rb") as fh:
                    if secret.encode() in fh.read():
                        return f"the password is in {x}"
        return None
    for u in uris:
        for c in cmds:
            codes = {0} if c[-1] == "--help" else {2}
            case(f, f"{c[0]} --store {u.split(':')[0]}", c + ["--store", u], codes, check=nosecret)
            case(f, f"{c[0]} ALLIANCES_STORE {u.split(':')[0]}", c, codes, check=nosecret, env={"ALLIANCES_STORE": u})


# ---------------------------------------------------------------- finding 5
def server(kind):
    """Starts a hostile server; returns its port and a stop function."""
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(16)
    stop = threading.Event()
    conns = []

    def serve(c):
        try:
            if kind == "http":
                c.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            elif kind == "handshake":
                c.recv(20)
                c.sendall(b"\x00\x00\x04\x04")
            elif kind == "garbage":
                c.sendall(os.urandom(64))
            elif kind == "trickle":
                while not stop.is_set():
                    c.sendall(b"\x00")
                    time.sleep(0.5)
            while not stop.is_set():
                if not c.recv(4096):
                    break
        except OSError:
            pass

    def accept():
        try:
            ls.settimeout(0.2)
        except OSError:
            return
        while not stop.is_set():
            try:
                c, _ = ls.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            conns.append(c)
            threading.Thread(target=serve, args=(c,), daemon=True).start()
    threading.Thread(target=accept, daemon=True).start()

    def close():
        stop.set()
        ls.close()
        for c in conns:
            c.close()
    return ls.getsockname()[1], close


def family_servers_and_fifos():
    f = "5 servers"
    for kind in ["silent", "http", "handshake", "garbage", "trickle"]:
        port, close = server(kind)
        try:
            for c in [["analyze"], ["ingest", "x.csv"]]:
                for scheme in ["bolt", "neo4j"]:
                    case(f, f"{kind} server: {c[0]} {scheme}", c + ["--store", f"{scheme}://127.0.0.1:{port}"], {4},
                         lambda ctx: write(os.path.join(ctx["dir"], "x.csv"), "id,name\na,A\n"), timeout=40)
        finally:
            close()
    f = "5 fifos"

    def fifo(name):
        def s(ctx):
            small(ctx)
            example(ctx)
            os.mkfifo(os.path.join(ctx["dir"], name))
        return s
    for args, codes in [
        (["ingest", "--store", "new.db", "in.csv"], {3}), (["ingest", "--store", "new.db", "--dry-run", "actors.csv", "in.csv"], {3}),
        (["ingest", "--store", "new.db", "in.graphml"], {3}), (["ingest", "--store", "new.db", "in.json"], {3}),
        (["ingest", "--store", "new.db", "in.xlsx"], {3}), (["ingest", "--store", "new.db", "in.csv.gz"], {3}),
        (["ingest", "--store", "new.db", "--mapping", "in.map", "actors.csv"], {1, 2, 3}),
        (["ingest", "--store", "new.db", "--aliases", "in.map", "actors.csv"], {1, 2, 3}),
        (["ingest", "--store", "st.db", "actors.csv"], {2}), (["analyze", "--store", "st.db"], {2}),
        (["map", "--store", "st.db", "-o", "m.svg"], {2}), (["report", "--store", "st.db", "-o", "r"], {2}),
        (["map", "-o", "out.svg"], {1}), (["export", "--to", "json", "-o", "out.json"], {1}),
        (["export", "--to", "gexf", "-o", "out.gexf"], {1}),
    ]:
        name = next(a for a in args if a.startswith(("in.", "st.", "out.")))
        case(f, " ".join(args), args, codes, fifo(name), timeout=20)
    for dev in ["/dev/zero", "/dev/null", "/dev/urandom"]:
        case(f, f"ingest {dev}", ["ingest", "--store", "new.db", dev], {3}, timeout=20)
        case(f, f"store {dev}", ["analyze", "--store", dev], {2}, timeout=20)


# ---------------------------------------------------------------- finding 6
def family_memory():
    f = "6 memory"
    big = 1 << 30  # 1 GB behind a few MB of gzip

    def gz(name, parts):
        def s(ctx):
            with gzip.open(os.path.join(ctx["dir"], name), "wb", compresslevel=1) as g:
                for p in parts:
                    if isinstance(p, int):
                        chunk = b" " * (1 << 20)
                        for _ in range(p >> 20):
                            g.write(chunk)
                    elif isinstance(p, tuple):
                        chunk = p[0] * (1 << 20)
                        for _ in range(p[1] >> 20):
                            g.write(chunk)
                    else:
                        g.write(p)
        return s
    hostile = {
        "csv field 1 GB": ("f.csv.gz", [b'id,name,family\na,"', (b"x", big), b'",ong\n']),
        "csv line without newline 1 GB": ("l.csv.gz", [b"id,name,family\na,", (b"y", big)]),
        "csv quote left open": ("q.csv.gz", [b'id,name,family\na,"open,ong\n', (b"b,B,ong\n", big // 2)]),
        "csv header 1 GB": ("h.csv.gz", [(b"c", big)]),
        "graphml whitespace 1 GB": ("w.graphml.gz", [b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">', big, b'<node id="a"/></graph></graphml>']),
        "graphml comment 1 GB": ("c.graphml.gz", [b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><!--', (b"z", big), b'--><graph/></graphml>']),
        "graphml data 1 GB": ("d.graphml.gz", [b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="n" for="node" attr.name="name"/><graph edgedefault="undirected"><node id="a"><data key="n">', (b"n", big), b'</data></node></graph></graphml>']),
        "gexf attribute 1 GB": ("a.gexf.gz", [b'<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="', (b"l", big), b'"/></nodes></graph></gexf>']),
        "gexf CDATA 1 GB": ("x.gexf.gz", [b'<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a"><![CDATA[', (b"<", big), b']]></node></nodes></graph></gexf>']),
        "json string 1 GB": ("j.json.gz", [b'{"actors":[{"id":"a","name":"', (b"j", big), b'"}]}']),
        "json whitespace 1 GB": ("k.json.gz", [b'{"actors":', big, b'[]}']),
    }
    for name, (fn, parts) in hostile.items():
        case(f, name, ["ingest", "--store", "new.db", fn], {3}, gz(fn, parts), timeout=300, max_mb=300)

    def workbook(kind):
        def s(ctx):
            p = os.path.join(ctx["dir"], "w.xlsx")
            with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
                z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
                z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Acteurs" sheetId="1" r:id="rId1"/></sheets></workbook>')
                z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
                cells = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
                if kind == "inline":
                    cells += '<row r="3"><c r="A3" t="inlineStr"><is><t>' + "i" * (big // 2) + "</t></is></c></row>"
                if kind == "index":
                    cells = cells.replace("<v>3</v>", "<v>99</v>")
                if kind == "negative":
                    cells = cells.replace("<v>3</v>", "<v>-1</v>")
                if kind == "notnum":
                    cells = cells.replace("<v>3</v>", "<v>x</v>")
                z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + cells + "</sheetData></worksheet>")
                big_s = ("s" * (big // 2)) if kind == "shared" else "Nantes"
                z.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>id</t></si><si><t>nom</t></si><si><t>a1</t></si><si><t>' + big_s + "</t></si></sst>")
        return s
    case(f, "xlsx shared string 512 MB", ["ingest", "--store", "new.db", "w.xlsx"], {3}, workbook("shared"), timeout=300, max_mb=300)
    case(f, "xlsx inline string 512 MB", ["ingest", "--store", "new.db", "w.xlsx"], {3}, workbook("inline"), timeout=300, max_mb=300)
    f7 = "7 faithful"
    for kind in ["index", "negative", "notnum"]:
        case(f7, f"xlsx shared-string index {kind}", ["ingest", "--store", "new.db", "w.xlsx"], {3}, workbook(kind))
    case(f7, "xlsx well-formed control", ["ingest", "--store", "new.db", "w.xlsx"], {0}, workbook("ok"))

    # Repeated rows: every one a warning.
    for n in [200_000, 2_000_000]:
        def s(ctx, n=n):
            small(ctx)
            with open(os.path.join(ctx["dir"], "rep.csv"), "w") as fh:
                fh.write("source,target\n")
                fh.write("a,b\n" * n)
        case(f, f"{n} repeated rows", ["ingest", "--store", "new.db", "actors.csv", "rep.csv"], {0}, s, timeout=300, max_mb=300)

        def s3(ctx, n=n):
            small(ctx)
            with open(os.path.join(ctx["dir"], "bad.csv"), "w") as fh:
                fh.write("source,target,weight\n")
                fh.write("a,b,-1\n" * n)
        case(f, f"{n} faulty rows", ["ingest", "--store", "new.db", "actors.csv", "bad.csv"], {3}, s3, timeout=300, max_mb=300)


# ---------------------------------------------------------------- finding 7
def family_faithful():
    f = "7 faithful"

    def rows_ingested(want):
        def c(ctx, code, out, err):
            m = re.search(r"ingested (\d+) actors, (\d+) links", out)
            got = (int(m.group(1)), int(m.group(2))) if m else None
            return None if got == want else f"ingested {got}, want {want}"
        return c
    for eol_name, eol in [("CR", "\r"), ("CRLF", "\r\n"), ("LF", "\n"), ("CR+BOM", "\r")]:
        for delim in [",", ";", "\t"]:
            def s(ctx, eol=eol, delim=delim, bom=eol_name.endswith("BOM")):
                rows = [["id", "nom", "famille"], ["a", "Ville de Nantes", "collectivite"], ["b", "GRET", "ong"], ["c", "Enda", "ong"]]
                text = eol.join(delim.join(r) for r in rows) + eol
                write(os.path.join(ctx["dir"], "a.csv"), ("\ufeff" if bom else "") + text, "w")
                write(os.path.join(ctx["dir"], "l.csv"), eol.join(delim.join(r) for r in [["source", "target"], ["a", "b"], ["b", "c"]]) + eol)
            case(f, f"{eol_name} lines, delimiter {delim!r}", ["ingest", "--store", "new.db", "a.csv", "l.csv"], {0}, s, rows_ingested((3, 2)))
        # Windows-1252 with CR line ends.
        case(f, f"{eol_name} lines, Windows-1252", ["ingest", "--store", "new.db", "a.csv", "l.csv"], {0},
             lambda ctx, eol=eol: (write(os.path.join(ctx["dir"], "a.csv"), f"id;nom;famille{eol}a;Régie{eol}b;Élan;ong{eol}".replace("Régie", "Régie;collectivite").encode("cp1252"), "wb"),
                                   write(os.path.join(ctx["dir"], "l.csv"), f"source;target{eol}a;b{eol}")), rows_ingested((2, 1)))
    for header in ["id;id;nom", "id;nom;Nom", "id;nom;NOM ", "id;famille;family;nom", "id;nom;nom.", "source;target;target"]:
        case(f, f"header {header}", ["ingest", "--store", "new.db", "h.csv"], {3},
             lambda ctx, h=header: write(os.path.join(ctx["dir"], "h.csv"), h + "\na;b;c\n"))
    one = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>'
    gx = '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a"/></nodes></graph></gexf>'
    for name, text, ext in [("two GraphML roots", one + one, "graphml"), ("GraphML root then text", one + "junk", "graphml"),
                            ("GraphML root then other root", one + "<x/>", "graphml"), ("two GEXF roots", gx + gx, "gexf"),
                            ("GraphML then GEXF", one + gx, "graphml")]:
        case(f, name, ["ingest", "--store", "new.db", "g." + ext], {3}, lambda ctx, t=text, e=ext: write(os.path.join(ctx["dir"], "g." + e), t))


# ---------------------------------------------------------------- finding 8
def family_formats():
    f = "8 formats"
    proj = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="kind"/><key id="v" for="node" attr.name="{attr}"/>'
            '<graph edgedefault="undirected"><node id="a"/><node id="project:p"><data key="k">project</data><data key="v">{value}</data></node></graph></graphml>')
    bad = [("start", "2019-13-45"), ("start", "31/02/2019"), ("end", "yesterday"), ("dimensions", "astrology"), ("targets", "aliens"),
           ("dimensions", "local|nope"), ("phase", "-2"), ("phase", "deux")]
    for attr, value in bad:
        case(f, f"GraphML project {attr}={value}", ["ingest", "--store", "new.db", "p.graphml"], {3},
             lambda ctx, a=attr, v=value: write(os.path.join(ctx["dir"], "p.graphml"), proj.format(attr=a, value=v)))
        js = '{"actors":[{"id":"a"}],"projects":[{"id":"p","%s":%s}]}' % (attr, ('["%s"]' % value.replace("|", '","')) if attr in ("dimensions", "targets") else '"%s"' % value)
        case(f, f"JSON project {attr}={value}", ["ingest", "--store", "new.db", "p.json"], {3},
             lambda ctx, j=js: write(os.path.join(ctx["dir"], "p.json"), j))
    for ch in ["\\u0000", "\\u0007", "\\u001b", "\\uFFFE", "\\uFDD0", "\\uD800"]:
        for field in ["id", "name"]:
            js = '{"actors":[{"id":"a","%s":"x%sy"}]}' % (field, ch) if field == "name" else '{"actors":[{"id":"a%sb"}]}' % ch
            # encoding/json reads a lone surrogate as U+FFFD, which is text.
            codes = {0, 3} if ch == "\\uD800" else {3}
            case(f, f"JSON {field} with {ch}", ["ingest", "--store", "new.db", "c.json"], codes,
                 lambda ctx, j=js: write(os.path.join(ctx["dir"], "c.json"), j))
    for ch in ["&#x1b;", "&#xFFFE;", "&#0;"]:
        case(f, f"GraphML name with {ch}", ["ingest", "--store", "new.db", "c.graphml"], {3},
             lambda ctx, c=ch: write(os.path.join(ctx["dir"], "c.graphml"), '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a%s"/></graph></graphml>' % c))
    # The tool's own exports read back, in every two-mode format.
    for to in ["json", "gexf", "graphml", "csv"]:
        def s(ctx, to=to):
            example(ctx)
            assert run(["export", "--two-mode", "--to", to, "-o", "out." + to], ctx["dir"])[0] == 0
            ctx["files"] = " ".join(sorted(os.path.join("out.csv", x) for x in os.listdir(os.path.join(ctx["dir"], "out.csv")))) if to == "csv" else "out." + to
        case(f, f"own {to} export ingested again", ["ingest", "--store", "again.db", "{files}"] if to != "csv" else ["ingest", "--store", "again.db", "out.csv/actors.csv", "out.csv/links.csv", "out.csv/projects.csv", "out.csv/participations.csv"], {0}, s)


# ---------------------------------------------------------------- finding 9
HOSTILE_NAMES = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3+cmd", "@SUM(1+1)", "\t=1", "\r=1",
                 "rlo\u202egnp.exe", "lri\u2066x\u2069", "c1\u0085\u009bx", "N" * 16384, "N" * 70000, "<script>alert(1)</script>",
                 "a&b\"c'd", "]]>", "{{.}}", "${x}", "\\N\\G", "% s %d", "\u200f\u061c", "👩‍👩‍👧", "\ufeffbom"]


def family_names():
    f = "9 names"

    def s(ctx, name):
        actors = "id;nom;famille\n" + "".join(f'a{i};"{n.replace(chr(34), chr(34) * 2)}";ong\n' for i, n in enumerate([name, "B", "C"]))
        small(ctx, actors=actors, links="source;target\na0;a1\na1;a2\n")
        assert run(["ingest", "--quiet", "actors.csv", "links.csv"], ctx["dir"])[0] == 0, "ingest"

    def safe_terminal(ctx, code, out, err):
        for ch in out + err:
            o = ord(ch)
            if (o < 32 and ch not in "\n\t") or 0x7f <= o <= 0x9f or 0x202a <= o <= 0x202e or 0x2066 <= o <= 0x2069:
                return f"U+{o:04X} reaches the terminal"
        return None

    def no_formula(path):
        def c(ctx, code, out, err):
            import csv
            text = out if path is None else open(os.path.join(ctx["dir"], path), encoding="utf-8").read()
            for row in csv.reader(io.StringIO(text)):
                for cell in row:
                    if cell and cell[0] in "=+-@\t\r" and not re.fullmatch(r"[+-]?[0-9.,eE+-]+", cell):
                        return f"cell {cell[:30]!r} starts a formula"
            return None
        return c

    def svg_ok(ctx, code, out, err):
        try:
            xml.dom.minidom.parse(os.path.join(ctx["dir"], "m.svg"))
        except Exception as e:  # noqa: BLE001 — any parse error fails the case
            return f"SVG not well-formed: {e}"
        return safe_terminal(ctx, 0, open(os.path.join(ctx["dir"], "m.svg"), encoding="utf-8").read(), "")

    def report_ok(ctx, code, out, err):
        for fn in ["report.html", "report.md"]:
            m = safe_terminal(ctx, 0, open(os.path.join(ctx["dir"], "r", fn), encoding="utf-8").read(), "")
            if m:
                return f"{fn}: {m}"
        for fn in os.listdir(os.path.join(ctx["dir"], "r", "tables")):
            if fn.endswith(".csv"):
                m = no_formula(os.path.join("r", "tables", fn))(ctx, 0, "", "")
                if m:
                    return f"{fn}: {m}"
        return None
    native = shutil.which("dot") is not None
    for i, name in enumerate(HOSTILE_NAMES):
        setup = lambda ctx, n=name: s(ctx, n)  # noqa: E731
        label = f"name {i} {name[:16]!r}"
        case(f, f"{label}: analyze", ["analyze"], {0}, setup, safe_terminal)
        case(f, f"{label}: isolated", ["isolated", "--suggest", "2"], {0}, setup, safe_terminal)
        case(f, f"{label}: query partners", ["query", "partners", "a0"], {0}, setup, safe_terminal)
        case(f, f"{label}: analyze csv", ["analyze", "--format", "csv"], {0}, setup, no_formula(None))
        case(f, f"{label}: export csv", ["export", "--two-mode", "--to", "csv", "-o", "x"], {0}, setup, no_formula("x/actors.csv"))
        for engine in ["embedded"] + (["native"] if native else []):
            case(f, f"{label}: map {engine}", ["map", "--engine", engine, "--labels", "all", "-o", "m.svg"], {0}, setup, svg_ok)
        case(f, f"{label}: report", ["report", "-o", "r", "--engine", "native" if native else "embedded"], {0}, setup, report_ok, timeout=120)


# ---------------------------------------------------------------- finding 10
def family_outputs():
    f = "10 outputs"

    def unchanged(paths):
        def c(ctx, code, out, err):
            for p, before in ctx["before"].items():
                with open(os.path.join(ctx["dir"], p), "rb") as fh:
                    if fh.read() != before:
                        return f"{p} changed"
            return None
        return c

    def s(extra=None):
        def st(ctx):
            example(ctx)
            if extra:
                extra(ctx)
            ctx["before"] = {}
            for p in ["alliances.db", "victim.txt", "other.db", "good.json", "good.svg"]:
                if os.path.exists(os.path.join(ctx["dir"], p)):
                    ctx["before"][p] = open(os.path.join(ctx["dir"], p), "rb").read()
        return st

    def victim(ctx):
        write(os.path.join(ctx["dir"], "victim.txt"), "precious")
        shutil.copy(os.path.join(ctx["dir"], "alliances.db"), os.path.join(ctx["dir"], "other.db"))
    for to in ["json", "gexf", "graphml"]:
        case(f, f"export {to} -o the store", ["export", "--to", to, "-o", "alliances.db"], {1}, s(), unchanged(None))
        case(f, f"export {to} -o ./the store", ["export", "--to", to, "-o", "./alliances.db"], {1}, s(), unchanged(None))
        case(f, f"export {to} -o another store", ["export", "--to", to, "-o", "other.db"], {1}, s(victim), unchanged(None))
        case(f, f"export {to} -o a hard link to the store", ["export", "--to", to, "-o", "hard.json"], {1},
             s(lambda ctx: os.link(os.path.join(ctx["dir"], "alliances.db"), os.path.join(ctx["dir"], "hard.json"))), unchanged(None))
        case(f, f"export {to} -o a symlink", ["export", "--to", to, "-o", "link.out"], {1},
             s(lambda ctx: (victim(ctx), os.symlink("victim.txt", os.path.join(ctx["dir"], "link.out")))), unchanged(None))
    for fmt in ["svg", "png", "pdf", "dot"]:
        case(f, f"map {fmt} onto a symlink", ["map", "--engine", "embedded", "-o", "link." + fmt], {1},
             s(lambda ctx, fmt=fmt: (victim(ctx), os.symlink("victim.txt", os.path.join(ctx["dir"], "link." + fmt)))), unchanged(None))
        case(f, f"map {fmt} onto a store named .{fmt}", ["map", "--engine", "embedded", "-o", "store." + fmt], {1},
             s(lambda ctx, fmt=fmt: shutil.copy(os.path.join(ctx["dir"], "alliances.db"), os.path.join(ctx["dir"], "store." + fmt))), None)
    for inside in ["report.html", "report.md", "maps", "tables", "tables/actors.csv", "maps/network.svg"]:
        def ln(ctx, inside=inside):
            victim(ctx)
            os.makedirs(os.path.join(ctx["dir"], "r", os.path.dirname(inside)), exist_ok=True)
            target = os.path.join(ctx["dir"], "elsewhere") if "." not in os.path.basename(inside) else os.path.join(ctx["dir"], "victim.txt")
            os.makedirs(os.path.join(ctx["dir"], "elsewhere"), exist_ok=True)
            os.symlink(target, os.path.join(ctx["dir"], "r", inside))

        def nothing_elsewhere(ctx, code, out, err):
            if os.listdir(os.path.join(ctx["dir"], "elsewhere")):
                return "written through a link"
            return unchanged(None)(ctx, code, out, err)
        case(f, f"report with {inside} a symlink", ["report", "-o", "r", "--engine", "embedded"], {1}, s(ln), nothing_elsewhere, timeout=120)
    # A full disk: a tmpfs too small for the export, over a good one.
    if ROOT:
        for to, args in [("json", ["export", "--to", "json", "--with-metrics", "-o", "out/x.json"]),
                         ("gexf", ["export", "--to", "gexf", "--with-metrics", "-o", "out/x.gexf"]),
                         ("csv", ["export", "--to", "csv", "--with-metrics", "-o", "out/t"]),
                         ("svg", ["map", "--engine", "embedded", "-o", "out/x.svg"]),
                         ("report", ["report", "--engine", "embedded", "-o", "out/r"])]:
            d = tempfile.mkdtemp(prefix="sweep-")
            try:
                out = os.path.join(d, "out")
                os.makedirs(out)
                subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", out], check=True)

                def full(ctx, out=out, to=to):
                    example(ctx)
                    # A good, small previous output, then fill the disk.
                    name = {"json": "x.json", "gexf": "x.gexf", "csv": "t", "svg": "x.svg", "report": "r"}[to]
                    if to in ("csv", "report"):
                        os.makedirs(os.path.join(out, name))
                        write(os.path.join(out, name, "actors.csv" if to == "csv" else "report.html"), "good")
                    else:
                        write(os.path.join(out, name), "good")
                    write(os.path.join(out, "fill"), "x" * (500 * 1024))

                def good_kept(ctx, code, out_, err, out=out):
                    for root, _, files in os.walk(out):
                        for x in files:
                            if x == "fill":
                                continue
                            if x.endswith(".tmp") or x.startswith("."):
                                return f"left {x}"
                            if open(os.path.join(root, x)).read() != "good":
                                return f"{x} replaced by a partial file"
                    return None
                case(f, f"full disk: {to}", args, {1}, full, good_kept, cwd=d, timeout=120)
            finally:
                subprocess.run(["umount", os.path.join(d, "out")], stderr=subprocess.DEVNULL)
                shutil.rmtree(d, ignore_errors=True)


# ---------------------------------------------------------------- finding 11
def family_exits():
    f = "11 exits"
    for n in [4096, 4097, 32768, 40000, 200000]:
        ok = n <= 4096
        for dry in [["--dry-run"], []]:
            case(f, f"actor id of {n} bytes {' '.join(dry)}", ["ingest", "--store", "new.db"] + dry + ["a.csv"], {0} if ok else {3},
                 lambda ctx, n=n: write(os.path.join(ctx["dir"], "a.csv"), "id,name\n" + "x" * n + ",A\nb,B\n"),
                 check=None if ok else (lambda ctx, c, o, e: None if "a.csv:2:1" in e else "no file:line:column"))
            case(f, f"link type of {n} bytes {' '.join(dry)}", ["ingest", "--store", "new.db"] + dry + ["a.csv", "l.csv"], {0} if ok else {3},
                 lambda ctx, n=n: (write(os.path.join(ctx["dir"], "a.csv"), "id,name\na,A\nb,B\n"),
                                   write(os.path.join(ctx["dir"], "l.csv"), "source,target,type\na,b," + "t" * n + "\n")))
            case(f, f"project id of {n} bytes {' '.join(dry)}", ["ingest", "--store", "new.db"] + dry + ["p.json"], {0} if ok else {3},
                 lambda ctx, n=n: write(os.path.join(ctx["dir"], "p.json"), '{"projects":[{"id":"%s"}]}' % ("p" * n)))

    # A file rewritten while ingest reads it: a writer appends rows in a loop.
    for fmt in ["csv", "graphml"]:
        def s(ctx, fmt=fmt):
            small(ctx)
            p = os.path.join(ctx["dir"], "big." + fmt)
            if fmt == "csv":
                with open(p, "w") as fh:
                    fh.write("source,target\n" + "a,b\n" * 3_000_000)
            else:
                with open(p, "w") as fh:
                    fh.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/><node id="b"/>')
                    fh.write('<edge source="a" target="b"/>' * 1_000_000)
                    fh.write("</graph></graphml>")
            stop = threading.Event()

            def touch():
                time.sleep(0.3)
                while not stop.is_set():
                    with open(p, "a") as fh:
                        fh.write("")
                    os.utime(p)
                    time.sleep(0.05)
            threading.Thread(target=touch, daemon=True).start()
            ctx["stop"] = stop

        def changed(ctx, code, out, err):
            ctx["stop"].set()
            return None if "changed while it was read" in err else "not detected"
        files = ["actors.csv", "big.csv"] if fmt == "csv" else ["big.graphml"]
        case(f, f"{fmt} touched during ingest", ["ingest", "--store", "new.db"] + files, {3}, s, changed, timeout=120)


FAMILIES = [(family_cache, ["1 cache"]), (family_weights, ["3 weights"]), (family_credentials, ["4 credentials"]),
            (family_servers_and_fifos, ["5 servers", "5 fifos"]), (family_memory, ["6 memory", "7 faithful"]),
            (family_faithful, ["7 faithful"]), (family_formats, ["8 formats"]), (family_names, ["9 names"]),
            (family_outputs, ["10 outputs"]), (family_exits, ["11 exits"])]

if __name__ == "__main__":
    for fam, names in FAMILIES:
        if ONLY and not ONLY & set(names):
            continue
        t = time.time()
        fam()
        sys.stderr.write(f"{fam.__name__}: {time.time() - t:.0f} s\n")
    total = [0, 0]
    print("| family | tried | handled |\n|---|---|---|")
    for fam, (tried, handled, fails) in sorted(results.items(), key=lambda kv: int(kv[0].split()[0])):
        print(f"| {fam} | {tried} | {handled} |")
        total[0] += tried
        total[1] += handled
    print(f"| all | {total[0]} | {total[1]} |")
    for fam, (_, _, fails) in sorted(results.items()):
        for x in fails:
            print(f"FAIL {fam}: {x}")
    sys.exit(0 if total[0] == total[1] else 1)
