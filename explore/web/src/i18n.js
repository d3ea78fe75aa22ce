// The words of the page in English and French. The language is the
// browser's (navigator.languages), or the one chosen with the switch, kept
// in localStorage, or ?lang=fr|en in the address.

const en = {
  title: "alliances explorer",
  loading: "Loading the network…",
  search: "Search an actor by name or id",
  noMatch: "No actor matches",
  sizeBy: "Size by",
  legend: "Families",
  noFamily: "family unknown",
  filters: "Filters",
  apply: "Apply",
  reset: "Reset",
  phase: "Phase",
  allPhases: "all phases",
  programme: "Programme",
  download: "Download",
  viewSVG: "View (SVG)",
  viewPNG: "View (PNG)",
  tableCSV: "Table (CSV)",
  zoomIn: "Zoom in",
  zoomOut: "Zoom out",
  fit: "Whole network",
  counts: (a, t) => `${fmtInt(a)} actors, ${fmtInt(t)} ties`,
  truncated: (a, t, ta, tt, m) =>
    `Large network: showing the ${fmtInt(a)} actors of the main component with the highest ${m} and the ${fmtInt(t)} strongest ties among them, of ${fmtInt(ta)} actors and ${fmtInt(tt)} ties. Search, filter or open an ego network to reach the others.`,
  overTime: "Over time",
  openPhase: "Click to show this phase on the map",
  otActors: "Actors",
  otActorsHelp: "actors of the phase",
  otTies: "Ties",
  otTiesHelp: "ties of the phase",
  otMoves: "In/out",
  otMovesHelp: "actors that entered and that left since the previous phase",
  otKept: "Kept",
  otKeptHelp: "ties of the previous phase still active in this one",
  continuity: (c) => `Continuity index: ${c} (the share of the ties of a phase still active in the next, averaged over the phases)`,
  lastingCore: (a, t2, n) => `Lasting core: ${fmtInt(a)} ${a === 1 ? "actor" : "actors"} and ${fmtInt(t2)} ${t2 === 1 ? "tie" : "ties"} present in all ${n} phases`,
  drawingRest: (a, ta) => `Drawing the rest of the network: ${fmtInt(a)} of ${fmtInt(ta)} actors so far…`,
  entering: "entering actors: dark ring",
  departed: "departed actors: faint grey",
  egoOf: (n, d) => `Ego network of ${n}, depth ${d}`,
  pathOf: (a, b, n) => `${n} shortest path(s) from ${a} to ${b}`,
  noPath: (a, b) => `No path: ${a} and ${b} are not connected`,
  backToAll: "Back to the whole view",
  close: "Close",
  id: "id",
  family: "Family",
  country: "Country",
  territory: "Territory",
  level: "Level",
  egoNetwork: "Ego network",
  depth: (d) => `depth ${d}`,
  pathTo: "Path to…",
  pathToPrompt: "Path to which actor? Type a name and pick it.",
  centre: "Centre the map",
  metrics: "Metrics",
  metric: "Metric",
  value: "Value",
  rank: "Rank",
  rankOf: (r, n) => `${fmtInt(r)} / ${fmtInt(n)}`,
  undefinedValue: "undefined",
  projects: "Projects",
  noProjects: "No project in this view.",
  role: "role",
  dimensions: "dimensions",
  targets: "target groups",
  partners: (n) => `Partners (${fmtInt(n)})`,
  noPartners: "No partner in this view.",
  weight: "weight",
  via: "through",
  linkTies: (n) => `${n} declared link(s)`,
  isolation: "Isolation",
  notFlagged: "Not flagged as isolated or peripheral.",
  suggestions: "Suggested partners",
  score: "score",
  table: "Actors",
  tableNote: (n, m) => (n === m ? `${fmtInt(n)} actors` : `${fmtInt(n)} actors shown of ${fmtInt(m)}`),
  showMore: "Show more",
  name: "Name",
  reasons: "Reasons",
  rankHelp: "1 = highest value among the actors of this view",
  source: "Source",
  webgl: "This browser cannot draw the network (WebGL is off). The search, the cards and the table still work.",
  error: "Error",
  slice: "View",
  wholeStore: "whole store",
  caption: (src, date) => `Source: ${src} · alliances explorer · ${date}`,
  langName: "Français",
  dimensionsF: "Dimensions",
  targetsF: "Target groups",
  allProgrammes: "all programmes",
  period: "Period (years or dates)",
  periodTo: "end of the period",
  roleF: "Role in projects",
  previous: "previous phase",
  next: "next phase",
  sliceOf: (text, a, t2, p) => `${text}: ${fmtInt(a)} actors, ${fmtInt(t2)} ties, ${fmtInt(p)} projects`,
};

const fr = {
  title: "Explorateur alliances",
  loading: "Chargement du réseau…",
  search: "Chercher un acteur par nom ou identifiant",
  noMatch: "Aucun acteur ne correspond",
  sizeBy: "Taille selon",
  legend: "Familles",
  noFamily: "famille inconnue",
  filters: "Filtres",
  apply: "Appliquer",
  reset: "Réinitialiser",
  phase: "Phase",
  allPhases: "toutes les phases",
  programme: "Programme",
  download: "Télécharger",
  viewSVG: "Vue (SVG)",
  viewPNG: "Vue (PNG)",
  tableCSV: "Tableau (CSV)",
  zoomIn: "Zoomer",
  zoomOut: "Dézoomer",
  fit: "Tout le réseau",
  counts: (a, t) => `${fmtInt(a)} acteurs, ${fmtInt(t)} liens`,
  truncated: (a, t, ta, tt, m) =>
    `Grand réseau : sont affichés les ${fmtInt(a)} acteurs de la composante principale les mieux classés selon ${m} et les ${fmtInt(t)} liens les plus forts entre eux, sur ${fmtInt(ta)} acteurs et ${fmtInt(tt)} liens. Cherchez, filtrez ou ouvrez un réseau personnel pour atteindre les autres.`,
  overTime: "Dans la durée",
  openPhase: "Cliquer pour afficher cette phase sur la carte",
  otActors: "Act.",
  otActorsHelp: "acteurs de la phase",
  otTies: "Liens",
  otTiesHelp: "liens de la phase",
  otMoves: "Ent./sort.",
  otMovesHelp: "acteurs entrés et acteurs sortis depuis la phase précédente",
  otKept: "Gardés",
  otKeptHelp: "liens de la phase précédente encore actifs dans celle-ci",
  continuity: (c) => `Indice de continuité\u00a0: ${c} (part des liens d’une phase encore actifs dans la suivante, en moyenne sur les phases)`,
  lastingCore: (a, t2, n) => `Noyau durable\u00a0: ${fmtInt(a)} ${a > 1 ? "acteurs" : "acteur"} et ${fmtInt(t2)} ${t2 > 1 ? "liens" : "lien"} présents dans les ${n} phases`,
  drawingRest: (a, ta) => `Le reste du réseau arrive : ${fmtInt(a)} acteurs sur ${fmtInt(ta)} pour l’instant…`,
  entering: "acteurs entrants : anneau sombre",
  departed: "acteurs sortis : gris pâle",
  egoOf: (n, d) => `Réseau personnel de ${n}, profondeur ${d}`,
  pathOf: (a, b, n) => `${n} plus court(s) chemin(s) de ${a} à ${b}`,
  noPath: (a, b) => `Aucun chemin : ${a} et ${b} ne sont pas reliés`,
  backToAll: "Revenir à la vue entière",
  close: "Fermer",
  id: "identifiant",
  family: "Famille",
  country: "Pays",
  territory: "Territoire",
  level: "Niveau",
  egoNetwork: "Réseau personnel",
  depth: (d) => `profondeur ${d}`,
  pathTo: "Chemin vers…",
  pathToPrompt: "Chemin vers quel acteur ? Tapez un nom et choisissez-le.",
  centre: "Centrer la carte",
  metrics: "Mesures",
  metric: "Mesure",
  value: "Valeur",
  rank: "Rang",
  rankOf: (r, n) => `${fmtInt(r)} / ${fmtInt(n)}`,
  undefinedValue: "non définie",
  projects: "Projets",
  noProjects: "Aucun projet dans cette vue.",
  role: "rôle",
  dimensions: "dimensions",
  targets: "publics cibles",
  partners: (n) => `Partenaires (${fmtInt(n)})`,
  noPartners: "Aucun partenaire dans cette vue.",
  weight: "poids",
  via: "par",
  linkTies: (n) => `${n} lien(s) déclaré(s)`,
  isolation: "Isolement",
  notFlagged: "Ni isolé ni périphérique.",
  suggestions: "Partenaires suggérés",
  score: "score",
  table: "Acteurs",
  tableNote: (n, m) => (n === m ? `${fmtInt(n)} acteurs` : `${fmtInt(n)} acteurs affichés sur ${fmtInt(m)}`),
  showMore: "Afficher plus",
  name: "Nom",
  reasons: "Motifs",
  rankHelp: "1 = valeur la plus élevée parmi les acteurs de cette vue",
  source: "Source",
  webgl: "Ce navigateur ne peut pas dessiner le réseau (WebGL est désactivé). La recherche, les fiches et le tableau fonctionnent.",
  error: "Erreur",
  slice: "Vue",
  wholeStore: "toute la base",
  caption: (src, date) => `Source : ${src} · explorateur alliances · ${date}`,
  langName: "English",
  dimensionsF: "Dimensions",
  targetsF: "Publics cibles",
  allProgrammes: "tous les programmes",
  period: "Période (années ou dates)",
  periodTo: "fin de la période",
  roleF: "Rôle dans les projets",
  previous: "phase précédente",
  next: "phase suivante",
  sliceOf: (text, a, t2, p) => `${text} : ${fmtInt(a)} acteurs, ${fmtInt(t2)} liens, ${fmtInt(p)} projets`,
};

// Metric names and one-line explanations (docs/metrics.md has the
// definitions and references).
const metricsEn = {
  degree: ["Degree", "Number of distinct partners."],
  strength: ["Strength", "Sum of the weights of its ties (shared projects + declared links)."],
  betweenness: ["Betweenness", "Share of the shortest paths between other actors that pass through it: an intermediary."],
  closeness: ["Closeness", "How close it is to the actors it can reach (Wasserman–Faust)."],
  harmonic: ["Harmonic centrality", "Sum of the inverse distances to every other actor."],
  eigenvector: ["Eigenvector centrality", "Ties to actors that are themselves central count more."],
  pagerank: ["PageRank", "Share of time a random walk along the ties spends at it."],
  core: ["Core number", "Largest k such that it belongs to a group where everyone has at least k partners in the group."],
  clustering: ["Clustering", "Share of the pairs of its partners that are tied to each other."],
  constraint: ["Burt’s constraint", "High when its partners are tied to each other (few structural holes); low for brokers."],
  effective_size: ["Effective size", "Number of partners minus their redundancy: its non-redundant contacts."],
  ei_index: ["E-I index", "(ties to other families − ties within its family) / all its ties, from −1 to +1."],
  partner_diversity: ["Partner diversity", "Blau index of the families of its partners: 0 = a single family, higher = more varied."],
  brokerage_coordinator: ["Brokerage: coordinator", "Paths A → it → C, A and C untied, all three of one family."],
  brokerage_itinerant: ["Brokerage: itinerant", "A and C of one family, it of another."],
  brokerage_representative: ["Brokerage: representative", "A of its family, C of another: it speaks for its family."],
  brokerage_gatekeeper: ["Brokerage: gatekeeper", "C of its family, A of another: it controls access to its family."],
  brokerage_liaison: ["Brokerage: liaison", "A, it and C of three different families."],
  community: ["Community", "Its Louvain community (a label, not a score)."],
};

const metricsFr = {
  degree: ["Degré", "Nombre de partenaires distincts."],
  strength: ["Force", "Somme des poids de ses liens (projets communs + liens déclarés)."],
  betweenness: ["Intermédiarité", "Part des plus courts chemins entre d’autres acteurs qui passent par lui : un intermédiaire."],
  closeness: ["Proximité", "À quel point il est proche des acteurs qu’il peut atteindre (Wasserman–Faust)."],
  harmonic: ["Centralité harmonique", "Somme des inverses des distances à tous les autres acteurs."],
  eigenvector: ["Centralité de vecteur propre", "Les liens avec des acteurs eux-mêmes centraux comptent davantage."],
  pagerank: ["PageRank", "Part du temps qu’une marche au hasard le long des liens passe chez lui."],
  core: ["k-cœur", "Plus grand k tel qu’il appartient à un groupe où chacun a au moins k partenaires dans le groupe."],
  clustering: ["Clustering", "Part des paires de ses partenaires qui sont liées entre elles."],
  constraint: ["Contrainte de Burt", "Élevée quand ses partenaires sont liés entre eux (peu de trous structuraux) ; faible pour les intermédiaires."],
  effective_size: ["Taille effective", "Nombre de partenaires moins leur redondance : ses contacts non redondants."],
  ei_index: ["Indice E-I", "(liens vers d’autres familles − liens dans sa famille) / tous ses liens, de −1 à +1."],
  partner_diversity: ["Diversité des partenaires", "Indice de Blau des familles de ses partenaires : 0 = une seule famille, plus haut = plus varié."],
  brokerage_coordinator: ["Courtage : coordinateur", "Chemins A → lui → C, A et C non liés, tous trois de la même famille."],
  brokerage_itinerant: ["Courtage : consultant itinérant", "A et C d’une famille, lui d’une autre."],
  brokerage_representative: ["Courtage : représentant", "A de sa famille, C d’une autre : il parle pour sa famille."],
  brokerage_gatekeeper: ["Courtage : gardien", "C de sa famille, A d’une autre : il contrôle l’accès à sa famille."],
  brokerage_liaison: ["Courtage : agent de liaison", "A, lui et C de trois familles différentes."],
  community: ["Communauté", "Sa communauté de Louvain (une étiquette, pas un score)."],
};

const reasonsEn = {
  isolate: "isolate (no tie)",
  pendant: "a single partner",
  outside_main_component: "outside the main component",
  single_family: "ties only within its own family",
  broker_dependent: "depends on a single broker",
};
const reasonsFr = {
  isolate: "isolé (aucun lien)",
  pendant: "un seul partenaire",
  outside_main_component: "hors de la composante principale",
  single_family: "liens uniquement avec sa propre famille",
  broker_dependent: "dépend d’un seul intermédiaire",
};

const levelsFr = { local: "local", regional: "régional", national: "national", international: "international" };
const dimsFr = { development: "développement", local: "local", sustainable: "durable", inclusive: "inclusif" };
const targetsFr = { youth: "jeunes", women: "femmes", disability: "handicap", precarity: "précarité" };

let lang = "en";

export function chooseLang() {
  const q = new URLSearchParams(location.search).get("lang");
  let stored = null;
  try {
    stored = localStorage.getItem("alliances-lang");
  } catch (e) {
    // storage may be off: the browser's language then
  }
  const wanted = q || stored || (navigator.languages || [navigator.language || "en"]).find((l) => /^(fr|en)/i.test(l)) || "en";
  lang = /^fr/i.test(wanted) ? "fr" : "en";
  document.documentElement.lang = lang;
  return lang;
}

export function setLang(l) {
  lang = l === "fr" ? "fr" : "en";
  try {
    localStorage.setItem("alliances-lang", lang);
  } catch (e) {
    // not kept: fine
  }
  document.documentElement.lang = lang;
}

export const getLang = () => lang;

// t returns the text of key, calling it with args when it is a function.
export function t(key, ...args) {
  const v = (lang === "fr" ? fr : en)[key];
  return typeof v === "function" ? v(...args) : v ?? key;
}

// colon is ":" in English and " :" (no-break space, as in the French
// report) in French.
export const colon = () => (lang === "fr" ? "\u00a0:" : ":");

export function metricName(key) {
  return ((lang === "fr" ? metricsFr : metricsEn)[key] || [key])[0];
}

export function metricHelp(key) {
  return ((lang === "fr" ? metricsFr : metricsEn)[key] || [key, ""])[1];
}

export function reasonText(r) {
  return (lang === "fr" ? reasonsFr : reasonsEn)[r] || r;
}

export function levelText(l) {
  return lang === "fr" ? levelsFr[l] || l : l;
}

export function dimensionText(d) {
  return lang === "fr" ? dimsFr[d] || d : d;
}

export function targetText(x) {
  return lang === "fr" ? targetsFr[x] || x : x;
}

export function fmtInt(n) {
  return Number(n).toLocaleString(lang === "fr" ? "fr-FR" : "en-GB");
}

// fmtNum writes a metric value with 4 significant decimals, as the text
// tables of the command line; null is "undefined".
export function fmtNum(v, integer) {
  if (v == null) return "–";
  if (integer || Number.isInteger(v)) return fmtInt(v);
  const s = Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(4);
  return lang === "fr" ? s.replace(".", ",") : s;
}
