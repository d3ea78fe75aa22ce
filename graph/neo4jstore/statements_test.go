package neo4jstore

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// parsePackage parses the Go files of this package, tests included.
func parsePackage(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string]*ast.File)
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
	}
	return fset, files
}

// statementConsts returns the constants named st… and their values.
func statementConsts(t *testing.T, files map[string]*ast.File) map[string]string {
	t.Helper()
	consts := make(map[string]string)
	for _, f := range files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if !strings.HasPrefix(name.Name, "st") || i >= len(vs.Values) {
						continue
					}
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					v, _ := strconv.Unquote(lit.Value)
					consts[name.Name] = v
				}
			}
		}
	}
	return consts
}

// TestRegistryComplete: every statement constant names a registry entry,
// every entry has a constant, and every constant is used by the code.
func TestRegistryComplete(t *testing.T) {
	_, files := parsePackage(t)
	consts := statementConsts(t, files)
	if len(consts) != len(statements) {
		t.Errorf("%d statement constants, %d registry entries", len(consts), len(statements))
	}
	for c, name := range consts {
		if _, ok := statements[name]; !ok {
			t.Errorf("constant %s = %q is not in the registry", c, name)
		}
	}
	byName := make(map[string]string)
	for c, name := range consts {
		byName[name] = c
	}
	for name := range statements {
		if _, ok := byName[name]; !ok {
			t.Errorf("registry entry %q has no constant", name)
		}
	}
	// Every constant is referenced outside its declaration and the registry.
	used := make(map[string]int)
	for fname, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok && fname == "statements.go" {
				// Registry keys do not count as uses.
				ast.Inspect(kv.Value, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						used[id.Name]++
					}
					return true
				})
				return false
			}
			if vs, ok := n.(*ast.ValueSpec); ok {
				for _, v := range vs.Values {
					ast.Inspect(v, func(m ast.Node) bool {
						if id, ok := m.(*ast.Ident); ok {
							used[id.Name]++
						}
						return true
					})
				}
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				used[id.Name]++
			}
			return true
		})
	}
	for c := range consts {
		if used[c] == 0 {
			t.Errorf("statement %s is in the registry but never sent", c)
		}
	}
}

// TestStatementsOnlyFromRegistry: the code passes only registry constants to
// the functions that send statements, and holds no Cypher text outside the
// registry (user queries of ReadCypher excepted, which come from the caller).
func TestStatementsOnlyFromRegistry(t *testing.T) {
	fset, files := parsePackage(t)
	consts := statementConsts(t, files)
	senders := map[string]int{"run": 2, "exec": 2, "stream": 2, "stringLists": 2, "attrNames": 2, "statement": 0}
	cypherRE := regexp.MustCompile(`(?i)\b(MATCH|MERGE|UNWIND|RETURN|CREATE|DELETE|DETACH|SET)\s`)
	for fname, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				var name string
				switch fn := x.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				case *ast.Ident:
					name = fn.Name
				}
				i, ok := senders[name]
				if !ok || i >= len(x.Args) || (strings.HasSuffix(fname, "_test.go") && fname != "store_test.go") {
					return true // the fake server's methods are not senders
				}
				id, ok := x.Args[i].(*ast.Ident)
				if !ok {
					if name == "statement" && strings.HasSuffix(fname, "_test.go") {
						return true // tests of statement() itself
					}
					t.Errorf("%s: %s called with %s, not a statement constant", fset.Position(x.Pos()), name, types(x.Args[i]))
					return true
				}
				if _, ok := consts[id.Name]; !ok && id.Name != "name" {
					t.Errorf("%s: %s called with %s, not a statement constant", fset.Position(x.Pos()), name, id.Name)
				}
			case *ast.BasicLit:
				if x.Kind != token.STRING || fname == "statements.go" || strings.HasSuffix(fname, "_test.go") {
					return true
				}
				if v, _ := strconv.Unquote(x.Value); cypherRE.MatchString(v) && strings.Contains(v, "(") {
					t.Errorf("%s: Cypher outside the registry: %s", fset.Position(x.Pos()), x.Value)
				}
			}
			return true
		})
	}
}

func types(e ast.Expr) string {
	switch e.(type) {
	case *ast.BasicLit:
		return "a literal"
	case *ast.BinaryExpr:
		return "an expression"
	}
	return "a non-constant"
}

// TestParamsDeclared: each statement declares exactly the parameters it uses.
func TestParamsDeclared(t *testing.T) {
	for _, st := range Statements() {
		var used []string
		for _, m := range paramRE.FindAllStringSubmatch(st.Cypher, -1) {
			if !slices.Contains(used, m[1]) {
				used = append(used, m[1])
			}
		}
		sort.Strings(used)
		declared := append([]string{}, st.Params...)
		sort.Strings(declared)
		if !slices.Equal(used, declared) {
			t.Errorf("statement %s uses parameters %v, declares %v", st.Name, used, declared)
		}
	}
}

// TestSchemaNames: labels and relationship types come only from the fixed
// lists, and relationships join the labels they should.
func TestSchemaNames(t *testing.T) {
	nodeRE := regexp.MustCompile(`\(\s*\w*\s*:\s*(\w+)`)
	relRE := regexp.MustCompile(`\[\s*\w*\s*:\s*(\w+)`)
	forRE := regexp.MustCompile(`FOR \(\w+:(\w+)\)`)
	seenLabels := map[string]bool{}
	seenTypes := map[string]bool{}
	for _, st := range Statements() {
		for _, m := range nodeRE.FindAllStringSubmatch(st.Cypher, -1) {
			if !slices.Contains(Labels, m[1]) {
				t.Errorf("statement %s uses label %s, not in Labels %v", st.Name, m[1], Labels)
			}
			seenLabels[m[1]] = true
		}
		for _, m := range forRE.FindAllStringSubmatch(st.Cypher, -1) {
			seenLabels[m[1]] = true
		}
		for _, m := range relRE.FindAllStringSubmatch(st.Cypher, -1) {
			if !slices.Contains(RelationshipTypes, m[1]) {
				t.Errorf("statement %s uses relationship type %s, not in RelationshipTypes %v", st.Name, m[1], RelationshipTypes)
			}
			seenTypes[m[1]] = true
		}
	}
	for _, l := range Labels {
		if !seenLabels[l] {
			t.Errorf("label %s is never used", l)
		}
	}
	for _, r := range RelationshipTypes {
		if !seenTypes[r] {
			t.Errorf("relationship type %s is never used", r)
		}
		if _, ok := RelationshipEnds[r]; !ok {
			t.Errorf("relationship type %s has no ends", r)
		}
	}
}

func TestStatementChecksParams(t *testing.T) {
	if _, err := statement(stActorUpsert, map[string]any{"rows": nil}); err != nil {
		t.Errorf("actor_upsert with $rows: %v", err)
	}
	for _, params := range []map[string]any{
		nil,
		{"row": nil},
		{"rows": nil, "extra": 1},
	} {
		if _, err := statement(stActorUpsert, params); err == nil {
			t.Errorf("actor_upsert with parameters %v: no error", params)
		}
	}
	if _, err := statement("drop_everything", nil); err == nil {
		t.Error("unknown statement: no error")
	}
}

// TestStatementsSorted: Statements is deterministic and lists the registry.
func TestStatementsSorted(t *testing.T) {
	sts := Statements()
	if len(sts) != len(statements) {
		t.Fatalf("Statements returned %d, registry has %d", len(sts), len(statements))
	}
	if !sort.SliceIsSorted(sts, func(i, j int) bool { return sts[i].Name < sts[j].Name }) {
		t.Error("Statements is not sorted by name")
	}
	for _, st := range sts {
		if st.Cypher == "" || st.Params == nil {
			t.Errorf("statement %s: empty Cypher or nil Params (the linter needs a list)", st.Name)
		}
	}
}
