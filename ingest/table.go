package ingest

// Table is a rectangular table as read from a CSV file or a spreadsheet sheet,
// before its kind is recognised from the header and its rows are mapped to the
// domain.
type Table struct {
	File   string // path as given by the user
	Sheet  string // sheet name for spreadsheets, empty for CSV
	Header []string
	// HeaderLine is the line of the header (1 for most files).
	HeaderLine int
	// Rows are the rows of the table, or nil when stream reads them.
	Rows []Row
	// stream, when not nil, reads the rows from the file each time they are
	// needed (large CSV files are not held in memory).
	stream *csvStream
}

// Row is one record of a Table.
type Row struct {
	// Line is the line (CSV: physical line where the record starts; XLSX: the
	// row number) used in error messages.
	Line  int
	Cells []string
}
