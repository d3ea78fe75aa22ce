// Package storetest provides the contract suite that every graph.Store runs.
//
// A store's test calls Run with a function that opens a fresh, empty store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) graph.Store {
//			s, err := embedded.Open(filepath.Join(t.TempDir(), "test.db"))
//			if err != nil {
//				t.Fatal(err)
//			}
//			return s
//		})
//	}
//
// RunQueries checks, on the same kind of store, that the query package answers
// the canonical questions about Fixture as expected; CheckQueries checks the
// same answers on a network built without a store.
package storetest
