// Package layout computes one stable layout of a cooperation network: a
// position for every actor, the same for the same network and seed, so that
// every map of a store (the whole network, the isolated actors, each slice
// of "map --by", the web explorer) puts an actor at the same place and a
// reader can match the pictures.
//
// # Positions
//
// Compute lays out a *graph.Network with a multilevel spring-electrical
// model (Hu 2005, "Efficient and high quality force-directed graph
// drawing", the model of Graphviz's sfdp) with Barnes–Hut approximation of
// the repulsive forces. Each connected component is laid out on its own; the
// largest is put first and the others are packed in rows beside it, so that
// a network of many small components (keep.eu) does not crush its main one.
// Tie weights do not move actors. Positions are in units of the ideal tie
// length (two tied actors are about 1 apart), X to the right and Y upwards
// (as in Graphviz; screens flip Y). The same network and seed give the same
// positions on every run.
//
// A view of part of the network (a slice, a component, the actors above a
// degree) is drawn at the positions of the whole: render takes the Layout of
// the union and looks its actors up with At.
//
// # Cache
//
// A layout of a large network takes seconds, so Cache keeps layouts as
// files, one per network and seed, named by Key: a SHA-256 of the layout
// algorithm's version, the seed, the sorted actor ids and the ties. Any
// change to actors or ties gives another key (and a new layout); names,
// families and weights do not. The default cache (UserCache) is the
// directory "alliances/layouts" of the user's cache directory
// (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches
// on macOS, %LocalAppData% on Windows), created with mode 0700, or the
// directory that the environment variable ALLIANCES_CACHE names;
// ALLIANCES_CACHE=off disables caching. It is per user, never a shared
// predictable path, and it works the same for the embedded and the Neo4j
// stores (a read-only store file is never written to).
//
// A cache file is only a hint: one that is missing, unreadable, too large,
// of another version or key, of the wrong length, holding a non-finite
// number, or not a regular file is ignored and the layout is computed again
// and rewritten (temporary file in the cache directory, then rename). A
// failure to write the cache is not an error. The cache keeps the 64 most
// recently used layouts.
package layout
