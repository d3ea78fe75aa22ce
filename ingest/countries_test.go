package ingest

import "testing"

func TestCountryCode(t *testing.T) {
	for in, want := range map[string]string{
		"FR": "FR", "fr": "FR", "France": "FR", "france": "FR", "FRANCE": "FR", " France ": "FR", "FRA": "FR", "250": "",
		"Maroc": "MA", "Morocco": "MA", "Marruecos": "MA", "Marokko": "MA", "MAR": "MA",
		"Sénégal": "SN", "Senegal": "SN", "le Sénégal": "SN",
		"Côte d'Ivoire": "CI", "Cote d’Ivoire": "CI", "Ivory Coast": "CI",
		"Royaume-Uni": "GB", "United Kingdom": "GB", "the United Kingdom": "GB", "UK": "GB", "EL": "GR", "Grèce": "GR",
		"États-Unis": "US", "USA": "US", "Allemagne": "DE", "Deutschland": "DE", "Belgique": "BE", "Pays-Bas": "NL",
		"RDC": "CD", "République démocratique du Congo": "CD", "Congo-Kinshasa": "CD", "Burkina Faso": "BF",
		"Tunisie": "TN", "Algérie": "DZ", "Mali": "ML", "Mauritanie": "MR", "Myanmar": "MM", "Burma": "MM",
	} {
		got, ok := countryCode(in)
		if want == "" {
			continue
		}
		if !ok || got != want {
			t.Errorf("countryCode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Atlantis", "XX", "Europe", "EU", "Loire-Atlantique", "419"} {
		if got, ok := countryCode(in); ok {
			t.Errorf("countryCode(%q) = %q, ok; want not a country", in, got)
		}
	}
	if got, ok := countryCode("xx"); ok || got != "XX" {
		t.Errorf("countryCode(xx) = %q, %v; want XX, not ok", got, ok)
	}
}
