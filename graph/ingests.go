package graph

// IngestRecord says what one ingest read and how, so that a report can name
// its sources and give the commands that load the same data again, without
// reading the input files again (they may have moved, or need a mapping).
// Stores keep a log of them (Store.AddIngest, Store.Ingests).
//
// Paths are as ingest was given them, made relative to the directory where
// ingest ran when they were absolute: a record never holds the layout of the
// machine it was written on unless the files lay outside that directory's
// file system.
type IngestRecord struct {
	// Files are the input files, in the order given.
	Files []RecordedFile `json:"files"`
	// Flags are the options of ingest that shape the data (a column mapping,
	// a vocabulary…), in the order of their names, with their values as given.
	Flags []RecordedFlag `json:"flags,omitempty"`
	// Replace is set when the ingest replaced everything the store held
	// instead of adding to it: the records before it no longer describe the
	// data.
	Replace bool `json:"replace,omitempty"`
	// Warnings are the validation warnings of the ingest, each formatted as
	// "file:line:col: message (hint: …)".
	Warnings []string `json:"warnings,omitempty"`
	// Counts are the numbers of records read.
	Actors         int `json:"actors"`
	Links          int `json:"links"`
	Projects       int `json:"projects"`
	Participations int `json:"participations"`
	// Version is the version of the tool that ingested.
	Version string `json:"version,omitempty"`
}

// RecordedFile is a file read by an ingest: its path and the SHA-256 of its
// bytes (hex, as sha256sum prints it).
type RecordedFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// RecordedFlag is an option of an ingest. When its value names a file (a
// column mapping, a vocabulary), File holds that file, and Value its path.
type RecordedFlag struct {
	Name  string        `json:"name"`
	Value string        `json:"value"`
	File  *RecordedFile `json:"file,omitempty"`
}

// CurrentIngests returns the records that describe the data a store holds now: those
// from the last one that replaced everything (Replace), or all of them.
func CurrentIngests(log []IngestRecord) []IngestRecord {
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Replace {
			return log[i:]
		}
	}
	return log
}
