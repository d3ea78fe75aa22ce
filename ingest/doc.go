// Package ingest reads the tables that researchers keep about cooperating
// actors — CSV, XLSX, GraphML, GEXF and the JSON of export — recognises what
// each table holds from its header, and validates everything before anything
// is stored.
//
// # Files
//
// CSV files are read with encoding/csv. The delimiter (',', ';' or tab) is the
// most frequent of the three on the header line, outside quotes. Text is UTF-8,
// with or without a byte order mark; a file that is not valid UTF-8 is taken
// as Windows-1252 (which includes Latin-1) and converted. Quoted fields may
// contain delimiters, doubled quotes and line breaks; the line of a record is
// the physical line where it starts. Blank lines are skipped, trailing empty
// fields are ignored, and a record with too few or too many fields is an
// error. Files compressed with gzip (.gz, or recognised by their first bytes)
// are decompressed. An empty cell or the text NA is a missing value. A file
// read as Windows-1252 gives a warning naming its first non-UTF-8 line.
//
// # Tables
//
// The first line names the columns. Names are compared case- and
// accent-insensitively, and spaces, '_' and '-' are alike, so "Type d'acteur",
// "type_acteur" and "TYPE D’ACTEUR" are one column. The kind of table is the
// one whose required columns (*) are all present and which recognises the most
// columns; the file name (acteurs.csv, projects.csv…) breaks ties.
//
// Actors, one row per organisation:
//
//	id*        id, identifiant, code (without one, the name is the id)
//	name       name, nom, label, raison sociale, nom de la structure
//	family     family, famille, type d'acteur, type, catégorie (vocabulary below)
//	country    country, pays (ISO codes and English or French names, stored as
//	           ISO 3166-1 alpha-2; others kept with a warning)
//	territory  territory, territoire
//	level      level, niveau, échelle: local (communal, municipal), regional
//	           (régional, départemental, provincial), national, international
//	…          any other column is kept as an attribute
//
// Links, one row per declared tie between two actors:
//
//	source*    source, de, from, acteur 1
//	target*    target, cible, vers, to, acteur 2
//	type       type, type de lien, nature (free text: partenariat, funding…)
//	weight     weight, poids: a number > 0, default 1; "0,5" is accepted
//	           when the delimiter is not ','
//	directed   directed, orienté: yes/no, oui/non, true/false, 1/0; default no
//	start, end start, début, end, fin: a year or a date
//
// Projects:
//
//	id*        id, identifiant, code
//	name       name, nom, titre, title
//	programme  programme, program
//	phase      phase: 1, 2, 3… orders the projects of a programme
//	start, end start, début, end, fin
//	dimensions dimensions: development (développement), local, sustainable
//	           (durable), inclusive (inclusif)
//	targets    targets, cibles, publics cibles: youth (jeunes), women (femmes),
//	           disability (handicap), precarity (précarité)
//	territory  territory, territoire
//	…          any other column is kept as an attribute
//
// Multi-valued cells (dimensions, targets) separate their values with '|',
// ',' or, when it is not the delimiter, ';'.
//
// Participations, one row per actor taking part in a project:
//
//	actor*     actor, acteur, partner, participant
//	project*   project, projet
//	role       role, rôle (free text: lead, partner, funder, chef de file…)
//	start, end start, début, end, fin
//
// Dates are written YYYY, YYYY-MM, YYYY-MM-DD, YYYY/MM/DD, DD/MM/YYYY or
// DD.MM.YYYY and are stored in ISO form (YYYY[-MM[-DD]]).
//
// # Families
//
// Families are collectivite, association, ong, entreprise, institution and
// autre (docs/ingest.md). Values are matched against French and English aliases:
// collectivité territoriale, local authority, municipality, commune, mairie,
// conseil départemental or régional, région, département, province and
// préfecture are collectivite; NGO, ONG and INGO are ong; company, SME, PME,
// business and société are entreprise; state body, public agency, ministry,
// international organisation, university and donor (bailleur) are
// institution; assoc is association; other is autre. An unknown value is an
// error whose hint suggests the nearest alias. A Vocabulary file (see
// ParseVocabulary) adds aliases and new families.
//
// # References between tables
//
// Links and participations name actors by id, participations name projects by
// id. Actors and projects already in the store (Options.Known) count as
// declared. When an actors table is part of the ingest, every actor named must
// be declared (in the ingest or the store): an unknown actor is an error with
// a "did you mean" hint. When no actors table is given, the actors named by
// links and participations are created, with id = the name as written
// (trimmed), and one warning says how many. Actors already in the store are
// left as they are, unless the rows describe them (a mapping gives
// actor.family, actor.country…): then they are read again from the first row
// that names them. Projects follow the same rule with projects tables.
// This reads edge lists and two-mode files (participations only) while
// catching typos in curated data sets.
//
// # Validation
//
// Read reports every problem at once, each with its file, line, column,
// field and a hint, as a *ValidationError whose problems wrap the sentinel
// errors (ErrMissingColumn, ErrUnknownActor, ErrBadValue…); when there is any
// error no dataset is returned. Errors: unreadable file, unknown header,
// missing required column, empty id, an id defined twice with other values
// (the message points to both lines), unknown actor or project, bad weight,
// year or date, unknown family, level, dimension or target. Warnings: an id
// repeated with identical values, repeated links and participations (the
// first is kept), self-loops, near-duplicate actor names (differing by case,
// spaces, accents, punctuation or a prefix such as "Mairie de", "Ville de",
// "Commune de", "City of").
//
// # Foreign headers
//
// Files with other column names — keep.eu, IATI, CORDIS exports — are read
// with a Mapping (ParseMapping, LoadMapping, ParseMappingFlag): it names the
// kind of table, the columns of each field, keys composed from several
// columns, value translations, multi-actor cells and row filters. The ready
// mappings of examples/mappings and docs/datasets.md show them at work.
//
// # Large inputs
//
// Read returns every record in memory. Open validates the same way and
// returns an Input whose Batches hand the records to graph.Store.PutBatches
// a part at a time, so that memory grows with the number of actors and
// projects, not with the size of the files: CSV files are read row by row
// (a first pass reads their bytes for the hash, the encoding and the header),
// GraphML and GEXF files in two passes (nodes, then edges), and links and
// participations beyond 65,536 are sorted in runs on disk and merged back,
// which is where repeated records are found. XLSX and JSON files are read
// whole. docs/ingest.md and docs/benchmarks.md give the figures.
package ingest
