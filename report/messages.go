package report

// messages is the catalogue of the report texts: key → {English, French}.
// Formats use fmt verbs; every %s argument is already formatted in the
// language (numbers, dates, family labels).
var messages = map[string][2]string{
	// Page furniture.
	"title.default":    {"Cooperation network report", "Rapport sur le réseau de coopération"},
	"subtitle":         {"Report dated %s", "Rapport du %s"},
	"subtitle.version": {"alliances %s", "alliances %s"},
	"contents":         {"Contents", "Sommaire"},
	"generated.nov":    {"Written by alliances on %s. The same data, seed and date give the same report.", "Produit par alliances le %s. Les mêmes données, la même graine et la même date donnent le même rapport."},
	"generated":        {"Written by alliances %s on %s. The same data, seed and date give the same report.", "Produit par alliances %s le %s. Les mêmes données, la même graine et la même date donnent le même rapport."},
	"none":             {"none", "aucune"},
	"yes":              {"yes", "oui"},
	"no":               {"no", "non"},

	// Families in running text, reasons. The labels of families and levels
	// are those of the maps: render.FamilyLabel and render.LevelLabel.
	"familyl.collectivite": {"local authority", "collectivité territoriale"},
	"familyl.association":  {"association", "association"},
	"familyl.ong":          {"NGO", "ONG"},
	"familyl.entreprise":   {"company", "entreprise"},
	"familyl.institution":  {"institution", "institution"},
	"familyl.autre":        {"other", "autre"},
	"why.complementary":    {"complementary family: %s ↔ %s", "famille complémentaire : %s ↔ %s"},

	"reason.isolate":                {"isolate (no tie)", "isolé (aucun lien)"},
	"reason.pendant":                {"a single partner", "un seul partenaire"},
	"reason.outside_main_component": {"outside the main component", "hors de la composante principale"},
	"reason.single_family":          {"ties only within its own family", "liens uniquement avec sa propre famille"},
	"reason.broker_dependent":       {"depends on a single broker", "dépend d’un seul intermédiaire"},

	// Readings of the network indicators (readings.go).
	"read.density":       {"Density: %s of all possible ties exist; an actor has %s partners on average (median %s).", "Densité : %s des liens possibles existent ; un acteur a en moyenne %s partenaires (médiane %s)."},
	"read.density.large": {"In a network this large density is always low: the number of partners says more.", "Dans un réseau de cette taille, la densité est toujours faible : le nombre de partenaires en dit davantage."},
	"read.connected":     {"Every actor can reach every other through a chain of partners.", "Chaque acteur peut atteindre tous les autres par une chaîne de partenaires."},
	"read.components":    {"The largest connected group holds %s of the actors; %s other groups have no chain of partners to it.", "Le plus grand groupe connexe rassemble %s des acteurs ; %s autres groupes n’ont aucune chaîne de partenaires qui les y relie."},
	"read.transitivity":  {"Transitivity: %s of the pairs of partners of an actor are partners themselves, %s times what ties drawn at random with the same density would give: partners form groups.", "Transitivité : %s des paires de partenaires d’un acteur sont elles-mêmes partenaires, %s fois ce que donneraient des liens tirés au hasard avec la même densité : les partenaires forment des groupes."},
	"read.central.high":  {"Degree centralization %s: a few actors hold most of the ties, as in a star.", "Centralisation des degrés %s : quelques acteurs concentrent l’essentiel des liens, comme dans une étoile."},
	"read.central.mid":   {"Degree centralization %s: some actors are clearly more connected than the others, without a single centre.", "Centralisation des degrés %s : certains acteurs sont nettement plus connectés que les autres, sans centre unique."},
	"read.central.low":   {"Degree centralization %s: ties are spread evenly, no actor stands out as a centre.", "Centralisation des degrés %s : les liens sont répartis de façon homogène, aucun acteur ne se détache comme centre."},
	"read.modular.high":  {"Modularity %s: the %s communities are clear; actors work mostly within their group.", "Modularité %s : les %s communautés sont nettes ; les acteurs travaillent surtout au sein de leur groupe."},
	"read.modular.mid":   {"Modularity %s: the %s communities are visible but many ties cross them.", "Modularité %s : les %s communautés sont visibles, mais beaucoup de liens les traversent."},
	"read.modular.low":   {"Modularity %s: hardly any community structure; the network is one mixed whole.", "Modularité %s : presque aucune structure en communautés ; le réseau forme un ensemble mêlé."},
	"read.assort.neg":    {"Degree assortativity %s: well-connected actors tie with less-connected ones (hubs surrounded by peripheral actors).", "Assortativité des degrés %s : les acteurs très connectés se lient à des acteurs peu connectés (des pôles entourés d’acteurs périphériques)."},
	"read.assort.pos":    {"Degree assortativity %s: well-connected actors tie with one another (a core of hubs).", "Assortativité des degrés %s : les acteurs très connectés se lient entre eux (un noyau de pôles)."},
	"overview.reading":   {"How to read these numbers", "Comment lire ces chiffres"},

	// The E-I index against random mixing (readings.go).
	"ei.test":        {"E-I index of the network against random mixing of the families", "Indice E-I du réseau comparé à un mélange aléatoire des familles"},
	"ei.observed":    {"Observed E-I index", "Indice E-I observé"},
	"ei.expected":    {"Expected under random mixing (same family sizes)", "Attendu sous mélange aléatoire (mêmes effectifs par famille)"},
	"ei.perm":        {"Permutations: mean (standard deviation)", "Permutations : moyenne (écart type)"},
	"ei.perm.value":  {"%s (%s) over %s", "%s (%s) sur %s"},
	"ei.phigher":     {"p (index as high by chance)", "p (indice aussi élevé par hasard)"},
	"ei.plower":      {"p (index as low by chance)", "p (indice aussi bas par hasard)"},
	"ei.read.open":   {"The observed E-I index (%s) is above what random mixing of the same families gives (%s): ties cross families more than chance would, a sign of deliberate complementarity.", "L’indice E-I observé (%s) dépasse ce que donne un mélange aléatoire des mêmes familles (%s) : les liens traversent les familles plus que le hasard ne le ferait, signe d’une complémentarité recherchée."},
	"ei.read.closed": {"The observed E-I index (%s) is below what random mixing of the same families gives (%s): even if many ties cross families, actors keep to their own family more than chance would. A positive E-I index only means that most ties are external, which the sizes of the families alone can produce.", "L’indice E-I observé (%s) est inférieur à ce que donne un mélange aléatoire des mêmes familles (%s) : même si beaucoup de liens traversent les familles, les acteurs restent entre eux plus que le hasard ne le voudrait. Un indice E-I positif signifie seulement que la plupart des liens sont externes, ce que les seuls effectifs des familles peuvent produire."},
	"ei.read.chance": {"The observed E-I index (%s) is close to what random mixing of the same families gives (%s): families mix about as chance would, neither seeking nor avoiding one another, which is also what a family assortativity near zero says.", "L’indice E-I observé (%s) est proche de ce que donne un mélange aléatoire des mêmes familles (%s) : les familles se mélangent à peu près comme le voudrait le hasard, sans se rechercher ni s’éviter, ce que dit aussi une assortativité par famille proche de zéro."},
	"ei.test.note":   {"Expected value: 1 − 2 Σ n_f(n_f − 1) / (N(N − 1)) for families of n_f actors among N. Permutation test as in UCINET: the families are shuffled among the actors, the ties stay; p is the share of shufflings (the observed one included) whose index is at least (at most) the observed one. p below 0.05 is read as a real difference.", "Valeur attendue : 1 − 2 Σ n_f(n_f − 1) / (N(N − 1)) pour des familles de n_f acteurs parmi N. Test par permutation comme dans UCINET : les familles sont redistribuées au hasard entre les acteurs, les liens restent ; p est la part des redistributions (l’observée comprise) dont l’indice est au moins (au plus) égal à l’observé. Un p inférieur à 0,05 est lu comme une différence réelle."},

	// Communities (communities.go).
	"sec.communities":     {"Communities", "Communautés"},
	"comm.intro":          {"The Louvain method groups the actors into %s communities: groups of actors more tied to one another than to the rest (modularity %s). The table numbers them as the map coloured by community, largest first.", "La méthode de Louvain regroupe les acteurs en %s communautés : des groupes d’acteurs plus liés entre eux qu’avec le reste (modularité %s). Le tableau les numérote comme la carte colorée par communauté, de la plus grande à la plus petite."},
	"comm.none":           {"Community detection finds no more than one community: there is no group structure to describe.", "La détection de communautés n’en trouve pas plus d’une : il n’y a pas de structure en groupes à décrire."},
	"comm.main":           {"Most connected actors", "Acteurs les plus connectés"},
	"comm.rest":           {"%s smaller communities", "%s communautés plus petites"},
	"comm.rest.one":       {"%s smaller community", "%s communauté plus petite"},
	"comm.note":           {"Families: share of the community’s actors in each family. Countries: the three most frequent, with their number of actors. tables/actors.csv gives the community of every actor.", "Familles : part des acteurs de la communauté dans chaque famille. Pays : les trois plus fréquents, avec leur nombre d’acteurs. tables/actors.csv donne la communauté de chaque acteur."},
	"map.communities":     {"The network coloured by community", "Le réseau coloré par communauté"},
	"map.communities.cap": {"The same layout as the network map; each of the largest communities has its colour, the smaller ones are grey.", "La même disposition que la carte du réseau ; chacune des plus grandes communautés a sa couleur, les plus petites sont en gris."},

	// Column heads.
	"col.measure":     {"Measure", "Mesure"},
	"col.value":       {"Value", "Valeur"},
	"col.actor":       {"Actor", "Acteur"},
	"col.actors":      {"Actors", "Acteurs"},
	"col.family":      {"Family", "Famille"},
	"col.families":    {"Families", "Familles"},
	"col.share":       {"Share", "Part"},
	"col.role":        {"Role", "Rôle"},
	"col.pattern":     {"Position of the broker B on a path A → B → C", "Position de l’intermédiaire B sur un chemin A → B → C"},
	"col.count":       {"Count", "Nombre"},
	"col.total":       {"Total", "Total"},
	"col.project":     {"Project", "Projet"},
	"col.coverage":    {"Family coverage", "Couverture des familles"},
	"col.missing":     {"Missing families", "Familles absentes"},
	"col.levels":      {"Levels", "Niveaux"},
	"col.countries":   {"Countries", "Pays"},
	"col.reasons":     {"Reasons", "Motifs"},
	"col.suggestions": {"Suggested partners (score — why)", "Partenaires suggérés (score — raison)"},
	"col.parameter":   {"Parameter", "Paramètre"},
	"col.file":        {"File", "Fichier"},
	"col.files":       {"Files", "Fichiers"},
	"col.records":     {"Records read", "Enregistrements lus"},
	"col.warnings":    {"Warnings", "Avertissements"},

	// Sections.
	"sec.data":     {"Data and validation warnings", "Données et avertissements de validation"},
	"sec.overview": {"Overview of the network", "Vue d’ensemble du réseau"},
	"sec.key":      {"Key actors", "Acteurs clés"},
	"sec.compl":    {"Complementarity of families", "Complémentarité des familles d’acteurs"},
	"sec.projects": {"Alliances and projects", "Alliances et projets"},
	"sec.isolated": {"Isolated actors and suggested partners", "Acteurs isolés et partenaires suggérés"},
	"sec.methods":  {"Methods", "Méthodes"},

	// Data.
	"data.counts":          {"The network has %s actors and %s ties; the data describe %s projects and %s participations. A tie joins two actors that declared a link or took part in the same project.", "Le réseau compte %s acteurs et %s liens ; les données décrivent %s projets et %s participations. Un lien relie deux acteurs qui ont déclaré une relation ou participé au même projet."},
	"data.source":          {"Source: %s.", "Source : %s."},
	"data.warnings":        {"Validation warnings", "Avertissements de validation"},
	"data.nowarnings":      {"The ingest reported no warning.", "L’import n’a signalé aucun avertissement."},
	"data.morewarnings":    {"… and %s more warnings, listed in tables/warnings.csv.", "… et %s autres avertissements, listés dans tables/warnings.csv."},
	"data.ingests":         {"The data were loaded by %s ingests; the Methods section lists their files with SHA-256 fingerprints and the commands that load them again.", "Les données ont été chargées par %s imports ; la section Méthodes donne leurs fichiers avec leurs empreintes SHA-256 et les commandes qui les chargent à nouveau."},
	"data.ingests.one":     {"The data were loaded by %s ingest; the Methods section lists its files with SHA-256 fingerprints and the command that loads them again.", "Les données ont été chargées par %s import ; la section Méthodes donne ses fichiers avec leurs empreintes SHA-256 et la commande qui les charge à nouveau."},
	"data.records":         {"%s actors, %s links, %s projects, %s participations", "%s acteurs, %s liens déclarés, %s projets, %s participations"},
	"data.replaced":        {"replaced the earlier data", "a remplacé les données précédentes"},
	"data.unrecorded":      {"The store does not record how these files were loaded (by an older version of alliances, or by another tool): %s. Ingest them again with this version to make the report reproducible from the store alone.", "La base n’enregistre pas comment ces fichiers ont été chargés (par une version antérieure d’alliances ou par un autre outil) : %s. Importez-les à nouveau avec cette version pour que le rapport soit reproductible à partir de la seule base."},
	"data.nowarningrecord": {"The store holds no record of its ingests, so their validation warnings cannot be listed.", "La base ne garde aucune trace de ses imports : leurs avertissements de validation ne peuvent pas être listés."},
	"data.nwarnings.one":   {"The ingest reported %s warning. It did not block the import, but deserves a check:", "L’import a signalé %s avertissement. Il n’a pas bloqué l’import, mais mérite une vérification :"},
	"data.nwarnings":       {"The ingest reported %s warnings. They did not block the import, but deserve a check (near-duplicate names, self-loops…):", "L’import a signalé %s avertissements. Ils n’ont pas bloqué l’import, mais méritent une vérification (noms presque identiques, liens d’un acteur avec lui-même…) :"},

	// Overview.
	"overview.summary":      {"The network links %s actors by %s ties (density %s). It has %s connected components; the largest one gathers %s of the actors. Community detection finds %s communities.", "Le réseau relie %s acteurs par %s liens (densité %s). Il compte %s composantes connexes ; la plus grande rassemble %s des acteurs. La détection de communautés en trouve %s."},
	"net.actors":            {"Actors", "Acteurs"},
	"net.ties":              {"Ties", "Liens"},
	"net.density":           {"Density", "Densité"},
	"net.components":        {"Connected components", "Composantes connexes"},
	"net.largest":           {"Share of actors in the largest component", "Part des acteurs dans la plus grande composante"},
	"net.communities":       {"Communities (Louvain)", "Communautés (Louvain)"},
	"net.modularity":        {"Modularity", "Modularité"},
	"net.transitivity":      {"Transitivity", "Transitivité"},
	"net.avgclustering":     {"Average clustering", "Coefficient de clustering moyen"},
	"net.degcentralization": {"Degree centralization (Freeman)", "Centralisation de degré (Freeman)"},
	"net.betcentralization": {"Betweenness centralization (Freeman)", "Centralisation d’intermédiarité (Freeman)"},
	"net.degassortativity":  {"Degree assortativity", "Assortativité de degré"},

	// Key actors.
	"key.intro":             {"The tables list the %s actors that rank highest on each centrality measure (equal values share a rank, and actors tied with the last one are listed too). Each measure captures a different kind of importance; the Methods section defines them.", "Les tableaux donnent les %s acteurs les mieux placés selon chaque mesure de centralité (à valeur égale, même rang ; les acteurs à égalité avec le dernier sont aussi listés). Chaque mesure saisit une forme différente d’importance ; la section Méthodes les définit."},
	"metric.degree":         {"Degree", "Degré"},
	"metric.betweenness":    {"Betweenness", "Intermédiarité"},
	"metric.closeness":      {"Closeness", "Centralité de proximité"},
	"metric.eigenvector":    {"Eigenvector centrality", "Centralité de vecteur propre"},
	"metric.pagerank":       {"PageRank", "PageRank"},
	"metric.constraint":     {"Burt’s constraint", "Contrainte de Burt"},
	"metric.effective_size": {"Effective size", "Taille effective"},
	"metric.ei":             {"E-I index", "Indice E-I"},
	"key.note.degree":       {"Number of distinct partners: the most connected actors.", "Nombre de partenaires distincts : les acteurs les plus connectés."},
	"key.note.betweenness":  {"Share of shortest paths between other actors that pass through the actor: the intermediaries.", "Part des plus courts chemins entre d’autres acteurs qui passent par l’acteur : les intermédiaires."},
	"key.note.closeness":    {"How close the actor is to all the others it can reach: the actors that can spread information fastest.", "Proximité de l’acteur à tous ceux qu’il peut atteindre : les acteurs qui diffusent le plus vite une information."},
	"key.note.eigenvector":  {"Ties to actors that are themselves central count more: the actors at the heart of the densest group.", "Les liens avec des acteurs eux-mêmes centraux comptent davantage : les acteurs au cœur du groupe le plus dense."},
	"key.note.pagerank":     {"A variant of eigenvector centrality that spreads each actor’s importance over its partners.", "Variante de la centralité de vecteur propre qui répartit l’importance de chaque acteur entre ses partenaires."},

	// Complementarity.
	"compl.intro":             {"Cooperation for inclusion relies on actors of different families working together. This section measures how much ties cross families, which actors broker between families, and which actors have non-redundant partners.", "La coopération pour l’inclusion repose sur des acteurs de familles différentes qui travaillent ensemble. Cette section mesure à quel point les liens traversent les familles, quels acteurs font l’intermédiaire entre elles et lesquels ont des partenaires non redondants."},
	"compl.families":          {"Families of actors", "Familles d’acteurs"},
	"compl.whole":             {"Whole network", "Ensemble du réseau"},
	"compl.ei.note":           {"E-I index: (ties to other families − ties within the family) / all ties, from −1 (all ties inside the family) to +1 (all ties to other families).", "Indice E-I : (liens vers d’autres familles − liens internes à la famille) / ensemble des liens, de −1 (tous les liens dans la famille) à +1 (tous vers d’autres familles)."},
	"compl.assortativity":     {"Family assortativity is %s.", "L’assortativité par famille vaut %s."},
	"compl.assort.neg":        {"Negative: actors tie more often with other families than chance would predict, a sign of complementarity.", "Elle est négative : les acteurs se lient plus souvent à d’autres familles que le hasard ne le prévoit, signe de complémentarité."},
	"compl.assort.pos":        {"Positive: actors tie preferably within their own family.", "Elle est positive : les acteurs se lient de préférence au sein de leur propre famille."},
	"compl.assort.zero":       {"Close to zero: families mix about as chance would predict.", "Elle est proche de zéro : les familles se mélangent à peu près comme le prévoit le hasard."},
	"compl.brokerage":         {"Brokerage between families", "Courtage entre familles"},
	"compl.brokerage.intro":   {"An actor B brokers when it is tied to two actors A and C that are not tied to each other. Gould and Fernandez name five roles after the families of A, B and C. An undirected tie counts in both directions.", "Un acteur B fait l’intermédiaire lorsqu’il est lié à deux acteurs A et C qui ne sont pas liés entre eux. Gould et Fernandez distinguent cinq rôles selon les familles de A, B et C. Un lien non orienté compte dans les deux sens."},
	"compl.roles":             {"Brokerage roles in the whole network", "Rôles de courtage dans l’ensemble du réseau"},
	"compl.topbrokers":        {"Main brokers", "Principaux intermédiaires"},
	"compl.nobrokers":         {"No actor holds a brokerage position.", "Aucun acteur n’occupe de position d’intermédiaire."},
	"compl.holes":             {"Structural holes", "Trous structuraux"},
	"compl.holes.intro":       {"An actor whose partners are not tied to one another spans structural holes: it has access to non-redundant resources. Low constraint and high effective size mark such actors.", "Un acteur dont les partenaires ne sont pas liés entre eux enjambe des trous structuraux : il accède à des ressources non redondantes. Une contrainte faible et une taille effective élevée signalent ces acteurs."},
	"compl.lowconstraint":     {"Lowest constraint", "Contrainte la plus faible"},
	"compl.higheffsize":       {"Highest effective size", "Taille effective la plus élevée"},
	"role.coordinator":        {"Coordinator", "Coordinateur"},
	"role.itinerant":          {"Itinerant", "Consultant itinérant"},
	"role.representative":     {"Representative", "Représentant"},
	"role.gatekeeper":         {"Gatekeeper", "Gardien"},
	"role.liaison":            {"Liaison", "Agent de liaison"},
	"role.coordinator.def":    {"A, B and C in the same family", "A, B et C dans la même famille"},
	"role.itinerant.def":      {"A and C in one family, B in another", "A et C dans une famille, B dans une autre"},
	"role.representative.def": {"B in the family of A, C in another", "B dans la famille de A, C dans une autre"},
	"role.gatekeeper.def":     {"B in the family of C, A in another", "B dans la famille de C, A dans une autre"},
	"role.repgate":            {"Representative / gatekeeper", "Représentant / gardien"},
	"role.repgate.def":        {"B in the family of one of A and C, the other in another family", "B dans la famille de l’un de A et C, l’autre dans une autre famille"},
	"compl.repgate.note":      {"The ties are undirected: an actor that represents its family towards another (A→B→C, B in the family of A) is the gatekeeper of the same triad read the other way (C→B→A), so the two roles always have the same count and are shown together. They differ only with directed ties.", "Les liens ne sont pas orientés : un acteur qui représente sa famille auprès d’une autre (A→B→C, B dans la famille de A) est le gardien de la même triade lue dans l’autre sens (C→B→A) ; les deux rôles ont donc toujours le même nombre et sont présentés ensemble. Ils ne diffèrent qu’avec des liens orientés."},
	"top.tied":                {"%s more actors share the value %s of the last row: the full list is in tables/actors.csv.", "%s autres acteurs ont la même valeur (%s) que la dernière ligne : la liste complète est dans tables/actors.csv."},
	"top.tied.one":            {"%s more actor shares the value %s of the last row: the full list is in tables/actors.csv.", "%s autre acteur a la même valeur (%s) que la dernière ligne : la liste complète est dans tables/actors.csv."},
	"role.liaison.def":        {"A, B and C in three different families", "A, B et C dans trois familles différentes"},

	// Projects.
	"projects.none":  {"The data describe no project.", "Les données ne décrivent aucun projet."},
	"projects.intro": {"Each project is an alliance of actors. Family coverage is the share of the four core families (%s) present among its participants; missing families are the core families it lacks.", "Chaque projet est une alliance d’acteurs. La couverture des familles est la part des quatre familles principales (%s) présentes parmi ses participants ; les familles absentes sont celles qui lui manquent."},
	"projects.more":  {"The table shows the %s most complete of the %s projects; tables/projects.csv lists them all.", "Le tableau montre les %s projets les plus complets sur %s ; tables/projects.csv les donne tous."},
	"projects.phase": {"phase %d", "phase %d"},

	// Isolated.
	"isolated.notrun":       {"The detection of isolated actors was not run.", "La détection des acteurs isolés n’a pas été effectuée."},
	"isolated.none":         {"No actor is isolated or peripheral.", "Aucun acteur n’est isolé ni périphérique."},
	"isolated.intro1":       {"1 of the %s actors is isolated or peripheral, for the following reasons:", "1 des %s acteurs est isolé ou périphérique, pour les motifs suivants :"},
	"isolated.intro":        {"%s of the %s actors are isolated or peripheral, for the following reasons (an actor may have several):", "%s des %s acteurs sont isolés ou périphériques, pour les motifs suivants (un acteur peut en cumuler plusieurs) :"},
	"isolated.reasoncount":  {"%s: %s", "%s : %s"},
	"isolated.suggestion":   {"(%s), score %s", "(%s), score %s"},
	"isolated.nosuggestion": {"no suggestion", "aucune suggestion"},
	"isolated.more":         {"The table shows %s of the %s flagged actors, the most isolated first; tables/isolated.csv lists them all.", "Le tableau montre %s des %s acteurs signalés, les plus isolés d’abord ; tables/isolated.csv les donne tous."},
	"isolated.note":         {"Actors are listed from the most isolated (no tie, outside the main component) to the least (ties only within their own family). Suggested partners are actors the flagged actor has no tie with, scored by complementary family, shared country, territory or project dimension, and common partners. They are leads to discuss, not recommendations.", "Les acteurs sont classés du plus isolé (aucun lien, hors de la composante principale) au moins isolé (liens uniquement avec sa propre famille). Les partenaires suggérés sont des acteurs avec lesquels l’acteur signalé n’a aucun lien, classés selon la complémentarité des familles, le pays, le territoire ou la dimension de projet partagés et les partenaires communs. Ce sont des pistes à discuter, non des recommandations."},

	// Methods.
	"methods.intro":                {"Every value in this report can be recomputed with NetworkX or igraph: unless stated otherwise, the conventions are those of NetworkX. Undefined values are shown as a dash.", "Chaque valeur de ce rapport peut être recalculée avec NetworkX ou igraph : sauf mention contraire, les conventions sont celles de NetworkX. Les valeurs non définies sont indiquées par un tiret."},
	"methods.definitions":          {"Definitions", "Définitions"},
	"methods.parameters":           {"Parameters", "Paramètres"},
	"methods.score":                {"Score of a suggested partner", "Score d’un partenaire suggéré"},
	"methods.score.text":           {"A candidate partner of an isolated actor scores the sum of: %s if its family is neither the actor’s nor that of any of its partners (complementary); %s for the same territory; %s for the same country; %s per partner in common, up to %s; %s per project dimension or target group both work on, up to %s; %s if the candidate is in the main component while the actor is outside it; and up to %s for the candidate’s own number of partners (log scale), which never makes a suggestion on its own. The best-scoring candidates are suggested, each with the reasons of its score.", "Un partenaire candidat d’un acteur isolé reçoit la somme de : %s si sa famille n’est ni celle de l’acteur ni celle d’un de ses partenaires (complémentarité) ; %s pour le même territoire ; %s pour le même pays ; %s par partenaire commun, dans la limite de %s ; %s par dimension de projet ou public cible partagé, dans la limite de %s ; %s si le candidat est dans la composante principale et l’acteur hors d’elle ; et jusqu’à %s selon le nombre de partenaires du candidat (échelle logarithmique), qui ne suffit jamais seul à le suggérer. Les candidats les mieux notés sont suggérés, chacun avec les raisons de son score."},
	"methods.inputs":               {"Input files", "Fichiers d’entrée"},
	"methods.noinputs":             {"The input files were not recorded.", "Les fichiers d’entrée n’ont pas été enregistrés."},
	"methods.reproduce":            {"Reproducing this report", "Reproduire ce rapport"},
	"methods.reproduce.native":     {"With the same input files (same fingerprints), the following commands write the same report. The maps were laid out by the Graphviz programs installed on this machine; another version may place actors slightly differently (--engine embedded gives the same maps everywhere).", "Avec les mêmes fichiers d’entrée (mêmes empreintes), les commandes suivantes produisent le même rapport. Les cartes ont été dessinées par le Graphviz installé sur cette machine ; une autre version peut placer les acteurs un peu différemment (--engine embedded donne partout les mêmes cartes)."},
	"methods.reproduce.text":       {"With the same input files (same fingerprints), the following commands write the same report, byte for byte:", "Avec les mêmes fichiers d’entrée (mêmes empreintes), les commandes suivantes produisent le même rapport, à l’octet près :"},
	"methods.reproduce.where":      {"Run them in a directory that holds the input files at the paths shown (relative to the directory where the data were ingested), with alliances of the same version.", "Exécutez-les dans un répertoire qui contient les fichiers d’entrée aux chemins indiqués (relatifs au répertoire où les données ont été importées), avec alliances dans la même version."},
	"methods.reproduce.incomplete": {"The store does not record every ingest of these data: complete the ingest commands with the missing files (see the data section).", "La base n’enregistre pas tous les imports de ces données : complétez les commandes d’import avec les fichiers manquants (voir la section sur les données)."},
	"methods.exact":                {"exact (Brandes’ algorithm)", "exacte (algorithme de Brandes)"},
	"methods.sampled":              {"estimated from %s sampled source actors; absolute error at most %s with probability %s", "estimée à partir de %s acteurs sources tirés au hasard ; erreur absolue d’au plus %s avec une probabilité de %s"},
	"param.weighted":               {"Weighted ties", "Liens pondérés"},
	"param.seed":                   {"Analysis seed (Louvain, sampling)", "Graine de l’analyse (Louvain, échantillonnage)"},
	"param.layoutseed":             {"Map layout seed", "Graine de la mise en page des cartes"},
	"param.betweenness":            {"Betweenness", "Intermédiarité"},
	"param.topn":                   {"Rows of the key-actor tables", "Lignes des tableaux d’acteurs clés"},
	"param.version":                {"Tool version", "Version de l’outil"},
	"param.date":                   {"Report date", "Date du rapport"},
	"param.slice":                  {"Slice of the data", "Tranche des données"},
	"data.slice":                   {"This report covers one slice of the data: %s. Its metrics are those of the slice as a network of its own; %s actors and %s projects of the store are left out.", "Ce rapport porte sur une tranche des données : %s. Ses mesures sont celles de la tranche, prise comme un réseau à part entière ; %s acteurs et %s projets de la base en sont exclus."},

	// Maps.
	"map.network":      {"The cooperation network", "Le réseau de coopération"},
	"map.network.cap":  {"Colour: family; size: degree; shape: level; edge width: tie weight.", "Couleur : famille ; taille : degré ; forme : niveau ; épaisseur des liens : poids."},
	"map.isolated":     {"Isolated and peripheral actors, with suggested partners (dashed)", "Acteurs isolés et périphériques, avec les partenaires suggérés (en pointillés)"},
	"map.isolated.cap": {"Flagged actors are highlighted; dashed lines lead to suggested partners.", "Les acteurs signalés sont mis en évidence ; les pointillés mènent aux partenaires suggérés."},
	"map.ego":          {"Ego network of the main broker, %s", "Réseau égocentré du principal intermédiaire, %s"},
	"map.ego.cap":      {"The actor, its partners and the ties between them; size: betweenness.", "L’acteur, ses partenaires et les liens entre eux ; taille : intermédiarité."},
}

// definitionKeys lists the definitions of the methods section, in order;
// each has the messages def.KEY.term, def.KEY and def.KEY.ref.
var definitionKeys = []string{
	"ties", "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
	"core", "clustering", "constraint", "effective_size", "ei", "diversity", "brokerage",
	"community", "density", "centralization", "assortativity", "coverage", "isolation", "suggestions", "weighted",
}

func init() {
	for k, v := range definitions {
		messages[k] = v
	}
}

var definitions = map[string][2]string{
	"def.ties.term": {"Tie", "Lien"},
	"def.ties":      {"Two actors are tied when they declared a link (agreement, funding, technical support…) or took part in the same project. Ties are undirected; the weight of a tie is the sum of the weights of its declared links plus the number of projects the two actors share.", "Deux acteurs sont liés s’ils ont déclaré une relation (convention, financement, appui technique…) ou participé au même projet. Les liens sont non orientés ; le poids d’un lien est la somme des poids des relations déclarées et du nombre de projets partagés."},
	"def.ties.ref":  {"", ""},

	"def.degree.term": {"Degree", "Degré"},
	"def.degree":      {"The number of distinct partners of the actor. In the key-actor tables it is shown as a count (NetworkX’s degree_centrality divides it by n − 1).", "Nombre de partenaires distincts de l’acteur. Les tableaux d’acteurs clés donnent ce nombre (degree_centrality de NetworkX le divise par n − 1)."},
	"def.degree.ref":  {"Freeman, L. C. (1979). Centrality in social networks: conceptual clarification. Social Networks, 1(3), 215–239.", "Freeman, L. C. (1979). Centrality in social networks: conceptual clarification. Social Networks, 1(3), 215–239."},

	"def.strength.term": {"Strength", "Force"},
	"def.strength":      {"The sum of the weights of the actor’s ties.", "Somme des poids des liens de l’acteur."},
	"def.strength.ref":  {"Barrat, A., Barthélemy, M., Pastor-Satorras, R. & Vespignani, A. (2004). The architecture of complex weighted networks. PNAS, 101(11), 3747–3752.", "Barrat, A., Barthélemy, M., Pastor-Satorras, R. & Vespignani, A. (2004). The architecture of complex weighted networks. PNAS, 101(11), 3747–3752."},

	"def.betweenness.term": {"Betweenness", "Intermédiarité"},
	"def.betweenness":      {"For every pair of other actors, the share of the shortest paths between them that pass through the actor, summed over all pairs and divided by the number of pairs, (n − 1)(n − 2)/2, so that it lies between 0 and 1.", "Pour chaque paire d’autres acteurs, part des plus courts chemins entre eux qui passent par l’acteur, sommée sur toutes les paires et divisée par le nombre de paires, (n − 1)(n − 2)/2, de sorte qu’elle est comprise entre 0 et 1."},
	"def.betweenness.ref":  {"Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry, 40(1), 35–41. Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of Mathematical Sociology, 25(2), 163–177.", "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry, 40(1), 35–41. Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of Mathematical Sociology, 25(2), 163–177."},

	"def.closeness.term": {"Closeness", "Centralité de proximité"},
	"def.closeness":      {"The number of other actors the actor can reach, r, divided by the sum of the distances to them, multiplied by r/(n − 1) so that actors of small components are not favoured (Wasserman–Faust correction).", "Nombre r d’autres acteurs que l’acteur peut atteindre, divisé par la somme des distances jusqu’à eux, multiplié par r/(n − 1) pour ne pas avantager les acteurs des petites composantes (correction de Wasserman et Faust)."},
	"def.closeness.ref":  {"Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications. Cambridge University Press.", "Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications. Cambridge University Press."},

	"def.harmonic.term": {"Harmonic centrality", "Centralité harmonique"},
	"def.harmonic":      {"The sum of the inverses of the distances from the actor to every other actor (an unreachable actor adds 0).", "Somme des inverses des distances de l’acteur à chacun des autres (un acteur inaccessible compte pour 0)."},
	"def.harmonic.ref":  {"Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A, 285(3–4), 539–546.", "Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A, 285(3–4), 539–546."},

	"def.eigenvector.term": {"Eigenvector centrality", "Centralité de vecteur propre"},
	"def.eigenvector":      {"Each actor’s score is proportional to the sum of its partners’ scores: the leading eigenvector of the adjacency matrix, scaled to unit Euclidean length.", "Le score de chaque acteur est proportionnel à la somme des scores de ses partenaires : vecteur propre principal de la matrice d’adjacence, normé à une longueur euclidienne de 1."},
	"def.eigenvector.ref":  {"Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique identification. Journal of Mathematical Sociology, 2(1), 113–120.", "Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique identification. Journal of Mathematical Sociology, 2(1), 113–120."},

	"def.pagerank.term": {"PageRank", "PageRank"},
	"def.pagerank":      {"The long-run share of time a random walker spends at the actor when it follows a tie with probability 0.85 and jumps to a random actor otherwise; the scores sum to 1.", "Part du temps passé à long terme sur l’acteur par un marcheur aléatoire qui suit un lien avec une probabilité de 0,85 et saute sinon vers un acteur au hasard ; les scores ont pour somme 1."},
	"def.pagerank.ref":  {"Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web search engine. Computer Networks and ISDN Systems, 30, 107–117.", "Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web search engine. Computer Networks and ISDN Systems, 30, 107–117."},

	"def.core.term": {"Core number", "Indice de cœur"},
	"def.core":      {"The largest k such that the actor belongs to a group in which every actor has at least k partners within the group (k-core).", "Plus grand k tel que l’acteur appartient à un groupe où chaque acteur a au moins k partenaires dans le groupe (k-cœur)."},
	"def.core.ref":  {"Seidman, S. B. (1983). Network structure and minimum degree. Social Networks, 5(3), 269–287.", "Seidman, S. B. (1983). Network structure and minimum degree. Social Networks, 5(3), 269–287."},

	"def.clustering.term": {"Clustering, transitivity", "Clustering, transitivité"},
	"def.clustering":      {"The clustering of an actor is the share of pairs of its partners that are tied to each other. Transitivity is three times the number of triangles divided by the number of connected triples of the network.", "Le clustering d’un acteur est la part des paires de ses partenaires qui sont liées entre elles. La transitivité est le triple du nombre de triangles divisé par le nombre de triplets connexes du réseau."},
	"def.clustering.ref":  {"Watts, D. J. & Strogatz, S. H. (1998). Collective dynamics of ‘small-world’ networks. Nature, 393, 440–442. Onnela, J.-P. et al. (2005). Intensity and coherence of motifs in weighted complex networks. Physical Review E, 71, 065103.", "Watts, D. J. & Strogatz, S. H. (1998). Collective dynamics of ‘small-world’ networks. Nature, 393, 440–442. Onnela, J.-P. et al. (2005). Intensity and coherence of motifs in weighted complex networks. Physical Review E, 71, 065103."},

	"def.constraint.term": {"Burt’s constraint", "Contrainte de Burt"},
	"def.constraint":      {"The sum over the actor’s partners j of (p_ij + Σ_q p_iq p_qj)², where p_ij is the share of the actor’s ties invested in j. High when the partners are few and tied to one another; undefined for an actor without ties.", "Somme sur les partenaires j de l’acteur de (p_ij + Σ_q p_iq p_qj)², où p_ij est la part des liens de l’acteur investie dans j. Elle est élevée quand les partenaires sont peu nombreux et liés entre eux ; non définie pour un acteur sans lien."},
	"def.constraint.ref":  {"Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.", "Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press."},

	"def.effective_size.term": {"Effective size", "Taille effective"},
	"def.effective_size":      {"The number of partners minus the redundancy among them: for an unweighted network, n − 2t/n, where n is the number of partners and t the number of ties among them.", "Nombre de partenaires moins leur redondance : pour un réseau non pondéré, n − 2t/n, où n est le nombre de partenaires et t le nombre de liens entre eux."},
	"def.effective_size.ref":  {"Burt, R. S. (1992). Structural Holes. Borgatti, S. P. (1997). Structural holes: unpacking Burt’s redundancy measures. Connections, 20(1), 35–38.", "Burt, R. S. (1992). Structural Holes. Borgatti, S. P. (1997). Structural holes: unpacking Burt’s redundancy measures. Connections, 20(1), 35–38."},

	"def.ei.term": {"E-I index", "Indice E-I"},
	"def.ei":      {"(E − I)/(E + I), where E counts ties to actors of other families and I ties within the family; for an actor, over its ties; for a family, over the ties of its members; for the network, over all ties. From −1 (closed) to +1 (open).", "(E − I)/(E + I), où E compte les liens vers des acteurs d’autres familles et I les liens au sein de la famille ; pour un acteur, sur ses liens ; pour une famille, sur les liens de ses membres ; pour le réseau, sur tous les liens. De −1 (fermé) à +1 (ouvert)."},
	"def.ei.ref":  {"Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an experimental simulation. Social Psychology Quarterly, 51(2), 123–140.", "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an experimental simulation. Social Psychology Quarterly, 51(2), 123–140."},

	"def.diversity.term": {"Partner diversity", "Diversité des partenaires"},
	"def.diversity":      {"Blau’s index over the families of the actor’s partners: 1 − Σ p_f², where p_f is the share of partners in family f; 0 when all partners belong to one family.", "Indice de Blau sur les familles des partenaires de l’acteur : 1 − Σ p_f², où p_f est la part des partenaires de la famille f ; 0 quand tous les partenaires sont de la même famille."},
	"def.diversity.ref":  {"Blau, P. M. (1977). Inequality and Heterogeneity. Free Press.", "Blau, P. M. (1977). Inequality and Heterogeneity. Free Press."},

	"def.brokerage.term": {"Brokerage roles", "Rôles de courtage"},
	"def.brokerage":      {"For every path A → B → C where A and C are not tied, B holds one of five roles depending on the families of A, B and C: coordinator, itinerant, representative, gatekeeper or liaison. An undirected tie counts as two arcs.", "Pour chaque chemin A → B → C où A et C ne sont pas liés, B occupe l’un de cinq rôles selon les familles de A, B et C : coordinateur, consultant itinérant, représentant, gardien ou agent de liaison. Un lien non orienté compte pour deux arcs."},
	"def.brokerage.ref":  {"Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in transaction networks. Sociological Methodology, 19, 89–126.", "Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in transaction networks. Sociological Methodology, 19, 89–126."},

	"def.community.term": {"Communities, modularity", "Communautés, modularité"},
	"def.community":      {"Communities are found by the Louvain method, which groups actors to maximise modularity: the share of ties inside groups minus the share expected if ties were drawn at random with the same degrees. The method is random; its seed is given below.", "Les communautés sont détectées par la méthode de Louvain, qui regroupe les acteurs de façon à maximiser la modularité : part des liens internes aux groupes moins la part attendue si les liens étaient tirés au hasard à degrés égaux. La méthode est aléatoire ; sa graine est indiquée ci-dessous."},
	"def.community.ref":  {"Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of communities in large networks. Journal of Statistical Mechanics, P10008. Newman, M. E. J. & Girvan, M. (2004). Physical Review E, 69, 026113.", "Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of communities in large networks. Journal of Statistical Mechanics, P10008. Newman, M. E. J. & Girvan, M. (2004). Physical Review E, 69, 026113."},

	"def.density.term": {"Density, components", "Densité, composantes"},
	"def.density":      {"Density is the number of ties divided by the number of possible ties, n(n − 1)/2. A connected component is a largest set of actors linked by paths.", "La densité est le nombre de liens divisé par le nombre de liens possibles, n(n − 1)/2. Une composante connexe est un ensemble maximal d’acteurs reliés par des chemins."},
	"def.density.ref":  {"Wasserman, S. & Faust, K. (1994). Social Network Analysis. Cambridge University Press.", "Wasserman, S. & Faust, K. (1994). Social Network Analysis. Cambridge University Press."},

	"def.centralization.term": {"Centralization", "Centralisation"},
	"def.centralization":      {"The sum of the differences between the highest score and every actor’s score, divided by the largest possible such sum (reached by a star): 1 for a star, 0 when all actors are equal.", "Somme des écarts entre le score le plus élevé et celui de chaque acteur, divisée par la plus grande somme possible (atteinte par une étoile) : 1 pour une étoile, 0 quand tous les acteurs sont égaux."},
	"def.centralization.ref":  {"Freeman, L. C. (1979). Centrality in social networks: conceptual clarification. Social Networks, 1(3), 215–239.", "Freeman, L. C. (1979). Centrality in social networks: conceptual clarification. Social Networks, 1(3), 215–239."},

	"def.assortativity.term": {"Assortativity", "Assortativité"},
	"def.assortativity":      {"The correlation between the attributes of the two ends of the ties: by degree (do well-connected actors tie with each other?) or by family (do actors tie within their family?). From −1 to +1; 0 means random mixing.", "Corrélation entre les attributs des deux extrémités des liens : selon le degré (les acteurs très connectés se lient-ils entre eux ?) ou selon la famille (les acteurs se lient-ils au sein de leur famille ?). De −1 à +1 ; 0 signifie un mélange aléatoire."},
	"def.assortativity.ref":  {"Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E, 67, 026126.", "Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E, 67, 026126."},

	"def.coverage.term": {"Family coverage", "Couverture des familles"},
	"def.coverage":      {"For a project, the number of core families (local authority, association, NGO, company) among its participants divided by four.", "Pour un projet, nombre de familles principales (collectivité territoriale, association, ONG, entreprise) présentes parmi ses participants, divisé par quatre."},
	"def.coverage.ref":  {"", ""},

	"def.isolation.term": {"Isolated and peripheral actors", "Acteurs isolés et périphériques"},
	"def.isolation":      {"An actor is flagged when it has no tie (isolate), a single partner, lies outside the largest connected component, has ties only within its own family, or would be cut off from the main component by the removal of one other actor (it depends on a single broker).", "Un acteur est signalé s’il n’a aucun lien (isolé), un seul partenaire, se trouve hors de la plus grande composante connexe, n’a de liens qu’avec sa propre famille, ou serait coupé de la composante principale par le retrait d’un seul autre acteur (il dépend d’un seul intermédiaire)."},
	"def.isolation.ref":  {"", ""},

	"def.suggestions.term": {"Suggested partners", "Partenaires suggérés"},
	"def.suggestions":      {"Actors the flagged actor has no tie with, scored by a complementary family, a shared country, territory or project dimension, and common partners (structural proximity); the reasons are given with each suggestion.", "Acteurs avec lesquels l’acteur signalé n’a pas de lien, notés selon la complémentarité de famille, le pays, le territoire ou la dimension de projet partagés et les partenaires communs (proximité structurale) ; les raisons accompagnent chaque suggestion."},
	"def.suggestions.ref":  {"", ""},

	"def.weighted.term": {"Weighted analysis", "Analyse pondérée"},
	"def.weighted":      {"Without weighting, every metric except strength ignores tie weights. With weighting, path-based metrics use the distance 1/weight (strong ties are short), and eigenvector centrality, PageRank, clustering, constraint and effective size use the weight as tie strength.", "Sans pondération, toutes les mesures sauf la force ignorent le poids des liens. Avec pondération, les mesures fondées sur les chemins utilisent la distance 1/poids (les liens forts sont courts), et la centralité de vecteur propre, le PageRank, le clustering, la contrainte et la taille effective utilisent le poids comme intensité du lien."},
	"def.weighted.ref":  {"Opsahl, T., Agneessens, F. & Skvoretz, J. (2010). Node centrality in weighted networks. Social Networks, 32(3), 245–251.", "Opsahl, T., Agneessens, F. & Skvoretz, J. (2010). Node centrality in weighted networks. Social Networks, 32(3), 245–251."},
}
