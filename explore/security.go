package explore

import (
	"net"
	"net/http"
	"strings"
)

// contentSecurityPolicy allows the page to load only its own scripts, styles
// and data from the server, and images it draws itself (data: and blob: URLs
// of the PNG and SVG downloads): no request can leave the machine, and no
// inline script runs, whatever an actor's name holds.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// secure wraps h with the protections of every response: the Host header is
// checked against allowed (DNS rebinding), only GET and HEAD are answered
// (the explorer never writes), and the security headers are set.
func secure(h http.Handler, allowed hostCheck) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		if !allowed.ok(r.Host) {
			http.Error(w, "alliances serve: unexpected Host header; open the address that 'alliances serve' printed", http.StatusMisdirectedRequest)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hd.Set("Allow", "GET, HEAD")
			http.Error(w, "alliances serve is read-only: only GET and HEAD", http.StatusMethodNotAllowed)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// hostCheck accepts the Host headers that can only come from a browser that
// was pointed at this server: the port it listens on, with an IP literal,
// "localhost" or the host name given with --addr. A DNS rebinding attack
// reaches the server through a host name of the attacker's, which is refused.
type hostCheck struct {
	port  string
	names map[string]bool // lower case
}

// newHostCheck returns the check for a server listening on addr (host:port as
// it was given) and bound to port.
func newHostCheck(addr, port string) hostCheck {
	c := hostCheck{port: port, names: map[string]bool{"localhost": true}}
	if h, _, err := net.SplitHostPort(addr); err == nil && h != "" && net.ParseIP(h) == nil {
		c.names[strings.ToLower(h)] = true
	}
	return c
}

func (c hostCheck) ok(host string) bool {
	h, p, err := net.SplitHostPort(host)
	if err != nil || p != c.port {
		return false
	}
	if net.ParseIP(h) != nil {
		return true
	}
	return c.names[strings.ToLower(strings.TrimSuffix(h, "."))]
}

// IsLoopback reports whether the host of addr (host:port) is a loopback
// address or "localhost": then only this machine can reach the server.
func IsLoopback(addr string) bool {
	h, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
