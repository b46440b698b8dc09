// td_eval on hand-made fixtures; every expected figure is worked out by hand
// in the comments (figures under --match near, so the cross-language
// channel cannot move them).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

namespace {

std::string RunEval(const std::string& args) {
  std::string cmd = std::string(TICKERDEDUP_BINARY_DIR) + "/td_eval " + args;
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) return out;
  std::array<char, 4096> buf;
  while (std::fgets(buf.data(), buf.size(), pipe.get())) out += buf.data();
  return out;
}

std::string Fixture(const char* name) {
  return std::string(TICKERDEDUP_SOURCE_DIR) + "/fixtures/" + name;
}

TEST(EvalTool, PairsFixtureFigures) {
  std::string out = RunEval("--match near " + Fixture("eval-mini-pairs.tsv"));
  // near: tag " - Le360" (containment 1), case + accents (same key), "(AFP)"
  // (J = 7/8): 3/3. paraphrase: features {parle, adopt, refor, retra} vs
  // {refor, retra, vote, final, senat}: J = 2/7, score 0.34 < 0.54: 0/1.
  // hardneg: weekday+day and percentage differ: fact guard vetoes both.
  // precision 3/3, recall 3/4, F1 = 2 * 0.75 / 1.75 = 0.8571.
  EXPECT_NE(out.find("SUMMARY eval-mini-pairs.tsv pairs precision=1.0000 "
                     "recall=0.7500 f1=0.8571 hardneg=0.0000 near=1.0000 "
                     "neg=0.0000 paraphrase=0.0000"),
            std::string::npos)
      << out;
}

TEST(EvalTool, ClustersFixtureFigures) {
  std::string out =
      RunEval("--match near " + Fixture("eval-mini-clusters.tsv"));
  // Predicted clusters {1,3,5} (tag; and the English row shares the
  // cognate prefixes cnp, reorg, execu, appro with the French one once stop
  // words are left out: J = 4/6, containment 4/5, score 0.70 >= 0.54),
  // {6,7} (same text, different gold), singletons 2, 4 (facts differ).
  // Gold pairs: c1 has 3 rows -> 3. Predicted pairs 3 + 1, correct 3:
  // precision 0.75, recall 1, F1 0.8571. Without the identical-key pair
  // (6,7): 3/3 correct. Language pairs: fra-fra 1/1, eng-fra 2/2.
  EXPECT_NE(out.find("SUMMARY eval-mini-clusters.tsv clusters "
                     "precision=0.7500 recall=1.0000 f1=0.8571 "
                     "precision_keys_differ=1.0000"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("recall eng-fra    1.0000 (2/2)"), std::string::npos)
      << out;
  EXPECT_NE(out.find("recall fra-fra    1.0000 (1/1)"), std::string::npos)
      << out;
}

TEST(EvalTool, ExactModeMissesTheTaggedPair) {
  // Only the same-key pair survives --match exact: recall 1/4.
  std::string out = RunEval("--match exact " + Fixture("eval-mini-pairs.tsv"));
  EXPECT_NE(out.find("precision=1.0000 recall=0.2500"), std::string::npos)
      << out;
}

// Template pairs (fixtures/template-pairs.tsv): every copy matches but one
// in near mode (below); of
// the 116 same-template negatives the default mode lets 2 through ("sign" /
// "sell" a striker: no axis knows them; and "Le PSG bat Lyon / Nantes 2-1",
// below) and near mode 3 (also "defeat" / "victory", which only the
// lexicon's antonyms know: "defeat" is also the winner's verb). "north" /
// "south korea" is a side word in every mode since session 21; market
// direction, dying, court verdicts, medals, men / women, lifted / kept, agreed
// / failed, arrives / leaves and today / tomorrow since session 22, which let 9
// and 13 through before. Since session 23 the default mode tells another
// company opening the same template ("Apple" / "Amazon shares fall 3%";
// OpeningSubstituted): it let those 4 through, near mode none (it asserts every
// first word); its two typo'd copies ("Suciide", "Proetsters") check the typo
// excuse. Near mode misses "Proetsters plead guilty to anti war protests": its
// entity typo search links no word whose correction the headline has already
// ("protests" gives "prote" too). The kinds of event (a quake and the
// flu, floods and a quake, a storm and a fire) since session 23 too: all
// 3 let through in both modes before. Since session 24 a name written
// with an ampersand is a word ("AT&T" / "Verizon raises wireless prices",
// "H&M" / "Zara profit falls 20%": both let through in both modes before),
// and its tagged copy still matches. Session 25 added French side verbs
// ("relève" / "abaisse", "recule" / "progresse", "adopte" / "rejette") and
// German count adjectives ("viertägige" / "sechstägige", "Zehnjähriger" /
// "Zwölfjähriger"), the Portuguese "vence" / "perde", a market's "ouvre" /
// "ferme", and another team after an elided article ("la Juventus" /
// "l'Inter"): all 8 let through in both modes before. A short French
// headline of names ("Le PSG bat Lyon / Nantes 2-1", three capitals in
// four words) reads as title case and goes through in both modes: reading
// French as sentence case split a capitalized demonym from its adjective
// ("Le Sud-Africain / L'icône sud-africaine Nelson Mandela hospitalisé"),
// so it was taken back (2 of 88 in the default mode, 3 in near mode).
// Last, "jailed" / "cleared" and "cancels" / "resumes", then "passes" /
// "blocks", "upholds" / "overturns", "beats" / "misses" estimates,
// "attend" / "skip", "issued" / "lifted" and "reopens" / "closes", and
// "charged" / "released", "wins" / "leads", "confirms" / "denies", "grows"
// / "shrinks", "exports" / "imports", "search" / "find", and "gains" /
// "loses", "opens" / "shuts", "completes" / "abandons", "end" /
// "continue", "extended" / "ends", and "signs" / "revokes", "grants" /
// "denies", "adopts" / "vetoes", and four of these in French, Spanish and
// Italian ("confirme" / "dément", "concede" / "deniega", "conferma" /
// "annulla", "recherche" / "retrouve"), and German "beendet" /
// "verlängert", "wächst" / "schrumpft": 2 of 116 and 3 of 116 since. Then roles
// swapped around an elided article
// ("la France bat l'Irlande" / "l'Irlande bat la France"), Spanish
// "subidas" / "caídas" and Italian "alza" / "taglia": 3 more let through
// in both modes before. Session 26: German separable verbs ("stimmt ...
// zu" / "lehnt ... ab", "legt ... zu" / "gibt ... nach", "nimmt ... wieder
// auf" / "stellt ... ein", "führt ... ein" / "schafft ... ab", "kündigt
// ... an" / "sagt ... ab", "nimmt ... fest" / "lässt ... frei"),
// "announces" / "cancels" and "introduces" / "scraps": 7 of these 8 let
// through in both modes before. Then Roman numerals ("Charles III" /
// "Charles II", "Super Bowl LVII" / "LVIII"): both let through in both
// modes before. Then the rounds of a competition ("reach final" /
// "semi-final", "quart de finale" / "demi-finale"): both let through in
// both modes before. Then the time of day ("morning" / "evening",
// "morning" / "night"): both let through in both modes before. Then a
// high against a low ("six-month high" / "low", "record high" / "low"):
// both let through in near mode before (the default mode's lexicon has
// the antonyms). Then an acronym opening the headline as its actor ("EU" /
// "US imposes new sanctions", "EU" / "Germany approves"): both let
// through in both modes before. Then hired or fired ("hire" / "fire",
// "appoint" / "sack"): near mode let both through, the default mode the
// second. Then a rate held against one raised ("holds" / "raises interest
// rates", "sube" / "congela el salario mínimo"): both let through in both
// modes before. Then "increase" / "decrease" and "decline" / "rise": near
// mode let both through, the default mode the second. Then "survives" /
// "loses" a vote and "expands" / "reduces": both let through in both
// modes before. Then a vote for or against ("votes for" / "against",
// "vote pour" / "contre"), then a draw against a win and a truce that
// holds against one that collapses: all 4 let through in both modes
// before. Then "indicted" / "acquitted", jobs cut or created, a law
// "validée" / "censurée": all 3 let through in both modes before. Then
// "la temperatura más alta / baja": let through in both modes before.
// Then "enters" / "exits recession", "stabbed" / "shot", "record profit"
// / "loss", "surges" / "crashes": near mode let all 4 through, the default
// mode 3. Then (session 27) "au plus haut" / "au plus bas", a strike
// "maintenue" / "levée", "lance" / "retire", "slows" / "quickens", "sign"
// / "sell", "adds" / "loses"; then "beats" / "meets" expectations,
// "doubles" / "halves", "keeps" / "ends", "condemns" / "welcomes": all 10
// let through in both modes before. Then a surplus or a deficit, "leads"
// / "trails", "sues" / "settles", "above" / "below", "captures" /
// "loses", "se modera" / "se dispara", "verlängert" / "stoppt", "called
// off" / "goes ahead", "gain" / "lose", "resume" / "stall", "stable" /
// "en hausse", "upgrades" / "downgrades", "inflows" / "outflows": the
// default mode let 11 of these 13 through, near mode all 13. Then
// "through to" / "out of", "promoted" / "relegated", "contained" /
// "spreads", "cleared" / "grounded", "valide" / "rejette", "reopen" /
// "shut", "accepts" / "declines", "increased" / "reduced": all 8 let
// through in both modes before. Then "qualifié" / "éliminé", "en verde" /
// "en rojo", "in positivo" / "in negativo", "accepte" / "refuse",
// "beschließt" / "stoppt", "victoire" / "défaite": the default mode let 4
// of these 6 through, near mode all 6. Then "works" / "fails",
// "scrubbed" / "successful", "resolved" / "continues", "agrees" /
// "declines", "improves" / "worsens": all 5 let through in both modes
// before. Then "confirm" / "deny", "hires" / "lays off", "seized" /
// "released", "adds" / "sheds", "peaks" / "bottoms": all 5 let through in
// both modes before. Then rules eased or tightened in the six languages,
// "allowed" / "removed from" a ballot, a nominee "confirmed" /
// "rejected", flooding that "worsens" / "eases": all 9 let through in
// both modes before. Then "delayed" / "cancelled", "postponed" /
// "abandoned", "confermato" / "revocato", "suspensa" / "mantida", found
// "safe" / "dead": all 5 let through in both modes before. Session 28:
// "legalises" / "bans", "signs" / "vetoes", "backs" / "opposes", "joins" /
// "leaves", "enters" / "quits", "gives birth" / "dies", "admitted to" /
// "discharged from", "receives" / "requests", "marries" / "divorces",
// "advance" / "retreat", "sanciona" / "veta": 13 of 14 let through in
// both modes before (14 in near mode); still let through: "drops out of"
// (the verb "drops" is read before the side words), "entre à" / "sort de
// l'hôpital" and "rappelle" / "renvoie son ambassadeur". Then "starts" /
// "ends", "dies" / "survives", "concedes" / "wins", "sentenced to" /
// "released from", "new" / "former", "votes yes" / "no", "cresce" /
// "cala", "salgono" / "scendono", "positive" / "negative", "legal" /
// "illegal", "constitutional" / "unconstitutional", "likely" /
// "unlikely", "inside" / "outside": 8 of 18 let through in the default
// mode before, all 18 in near mode; still let through: a fire that "breaks
// out" / is "put out", and in near mode "top" / "bottom", "cheaper" /
// "more expensive", "first" / "last"; and across languages "hospitalisé"
// / "leaves hospital". Then 13 more: "10 years" / "10 months", "escapes" /
// "caught", an evacuation "ordered" / its order "lifted", "launches" /
// "discontinues", "conquista" / "perde", "edges up" / "down", "tick up" /
// "down", "con subidas" / "con pérdidas", all let through in both modes
// before; "top" / "bottom", "first" / "last" and "cheaper" / "more
// expensive" now in near mode too. Still let through: a headline with
// both directions ("Gold edges up / down as dollar weakens"), fractions
// ("Half" / "A third of Britons"), "twice" / "once", "year on year" /
// "month on month", an outbreak "over" / "a global emergency". Then 21
// more: phrasal verbs ("drops out", "pulls out", "backs down" / "steps
// up", "gives up" / "pushes ahead", a fire that "breaks out" / is "put
// out", now read before the verb alone), a government that survives or
// falls in the six languages, "démissionne" / "reconduit", warning
// colours, "charged with" / "cleared of", "rejoin" / "quit", rulings
// upheld or lifted in German, Portuguese and French; all let through in
// both modes before. Still let through: "holds rates steady" / "holds
// rates, signals cuts", "wählt" / "stürzt den Kanzler", "cade" / "ottiene
// la fiducia", "recalls" / "sells", and in near mode "approval" /
// "disapproval rating". Then 13 more: base forms for plural subjects
// ("grow" / "shrink", "climb" / "retreat", "beat" / "miss forecasts"),
// "confermato" / "sospeso", "ouverture" / "clôture", "ficha" / "vende",
// "bans" / "resumes", "rescued" / "dies"; still let through: "streicht" /
// "plant zusätzliche Flüge", Italian "sale" / "scende" (Italian "sale" is
// English "sale" and Spanish "leaves"), "storm" / "clear protesters from
// parliament", "votes" / "counts votes". 16 of 295 and 17 of 295 since (69
// and 80 at the session's start). 17 copies in the new words' terms
// ("steps down" / "resigns" is no copy: too few shared words) join the 22:
// all 39 match in the default mode, 36 in near mode ("Ex-minister named
// new ambassador" / "Former minister named ambassador" and "Fire breaks
// out" / "Huge fire breaks out" share too little for it). Then 3
// cross-language negatives ("gestorben" / "gives birth", "abandona la
// carrera" / "enters race", "gana" / "concedes"), and session 25's
// "hospitalisé" / "sale del hospital" with its Spanish sibling: 16 of 300
// and 17 of 300. Then fractions ("Half" / "A third of Britons", "la
// moitié" / "un tiers", "die Hälfte" / "ein Drittel"): 15 of 307 and 18 of
// 307 (near mode reads no language, so Spanish "dos tercios" is no two
// thirds there). Then 26 more (a tenth round): "ruled out" / "fit" or
// "detected", "suspended" / "reinstated", "kidnapped" / "freed", "safe" /
// "unsafe", "hawkish" / "dovish", "bull" / "bear", "heat" / "cold", open
// or closed in five languages, a truce "broken", a "body" found, "gains" /
// "losses"; still let through: "named in" / "dropped from" a squad,
// "missing" / "found", "champion" / "vice-champion", Covid "cases" /
// "deaths", "declared" / "declared over". 20 of 333 and 23 of 333 since
// (99 and 115 at the session's start). Then 3 cross-language negatives
// (plurals "cancelados" / "delayed", "annulée" / "goes ahead", "bajan" /
// "rise"): 20 of 336 and 23 of 336 (102 and 115 at the start). Then a
// twelfth round of 22 (courts, licences, tours, films, banks, cases,
// elections); still let through: "with" / "without" (both stop words),
// "vote to" / "vote against unionising", "to strike" / "call off strike",
// "confirms" / "finds no water". 24 of 358 and 27 of 358 (123 and 137 at
// the session's start). Then a thirteenth round of 22 (markets gaining or
// losing ground, Romance reflexive strengthenings and weakenings, output
// boosted or curbed, expansion and contraction, diplomats expelled, a
// ferry that sinks); still let through: "turnout up" / "down" (no
// amount), "derails" / "collides", "Wages outpace inflation" / "Inflation
// outpaces wages". 27 of 380 and 29 of 380 (143 and 158 at the start).
// Then measures ("10 km" / "10 miles", "5 kg" / "5 tonnes", "barrels" /
// "tonnes", "mph" / "km/h", "metres" / "feet", "30%" / "30 points"); still
// let through: "Elizabeth II" / "I", "World War II" / "I" (a lone "I" is
// the pronoun). 29 of 388 and 31 of 388 (151 and 166 at the start). Then
// verdicts with the Romance and German convicting verbs, a sentence
// reduced, a cordon set up, a treble missed out on, a race retired from, a
// return; still let through: "wins" / "withdraws from" (four axes on
// "withdraws" already), "scores" / "sent off". 31 of 398 and 33 of 398
// (161 and 176 at the start). Then "with" / "without" in the six
// languages (side words; "with no" is without) and two more copies: 30 of
// 401 and 32 of 401 (164 and 179 at the start); all 41 copies match in
// the default mode, 38 in near mode. Then stages of one story (proposed /
// agreed, nominated / wins, charged / convicted, threatened / begins,
// planned / cancelled, progress / collapse, recovering / dies); still let
// through: "identified" / "arrested", "under pressure to resign" / "forced
// to resign", "close" / "reached", "rejected" / "submitted", "en tête" /
// "éliminé", "in testa" / "in calo". 36 of 415 and 38 of 415 (178 and 193
// at the start). Session 31: a French strike "maintenue" against one
// "called off" or "annulée" (two negatives) and a copy reworded, which
// near mode misses, as the session's starting build did; then a second
// round's rate nouns ("subida" / "congela", "aumento" / "redução") and a
// strike "ausgeweitet" against one "beendet" (three negatives, five
// copies, all matched); then a third round's "announces" / "ends run"
// (one negative, three copies, one with both sides); then a fourth
// round's strike "proclamato" / "revocato" and bill "retire" / "maintient"
// (two negatives, three copies); then a fifth round's "survives" /
// "forced out" (one negative, two copies): 68 of 875 and 74 of 875 (77
// and 82 with that build). Session 32: a short headline with a word
// replaced is another event (ShortSubstitution in engine.cc) and a score
// that ends a headline names a team; a round of 21 negatives ("Bridge
// collapses / reopens in Genoa", "Le PSG bat Lyon / Nantes 2-1") and 16
// copies, five of them reworded with a synonym ("cuts" / "slashes"). Three
// of those and two older copies ("Ebola outbreak declared over" / "ends",
// "Pope leaves hospital" / "discharged from hospital") are now missed in
// both modes; the session's starting build matched them, and let 5 of the
// 21 negatives through. 40 of 896 and 44 of 896 (74 and 80 with that
// build); copies 313 and 271 of 322 (318 and 276). Session 33: Spanish
// "mis" is no stop word, so "L'ancien ministre mis en examen" / "relaxé"
// are apart in the default mode too: 39 of 896. Then a copy that only adds
// words is no longer vetoed for a headline-initial word read as a name
// (EntityLackIsAWord): copies 313 -> 314 and 271 -> 303 of 322; near mode
// lets "Wages outpace inflation" / "Inflation outpaces wages" through, 45
// of 896. Session 34: Spanish "no" negates a verb (any in a Spanish
// headline, before a clitic, auxiliary or copula where the language is
// unknown); a round of 10 Spanish negations and 10 copies: 49 -> 38 of 906
// in the default mode, 55 -> 51 in near mode; copies 324 and 313 of 332.
// Then a lone "I" after a name is 1 ("Elizabeth II" / "I", "World War
// II" / "I"): 36 and 49. Then a flipped negation vetoes from a near score
// of 0.80 (0.85 before): "reaches orbit" / "fails to reach orbit" (two
// rows), "testifies" / "refuses to testify": 33 and 46. Then a round of
// 10 negatives and 8 copies on the points between the compass's
// ("southwest" / "southeast", "noroeste" / "noreste", "Südwesten" /
// "Nordosten"): 42 and 55 of 916 before they took sides, 33 and 46 after;
// copies 332 and 321 of 340. Then a round of 10 negatives and 10 copies on
// offices ("President" / "Vice President", "leader" / "deputy leader",
// "Ministro" / "Ex-ministro"): 41 and 53 of 926 before an office's holder,
// deputy and former holder took sides, 33 and 46 after; copies 341 and 330
// of 350. Then a round of 10 negatives and 8 copies on suspects arrested or
// killed, in the present ("Police arrest / kill gunman", "La policía
// detiene / abate al atacante"): 41 and 54 of 936 before, 34 and 47 after;
// copies 349 and 338 of 358 (337 in near mode before).
TEST(EvalTool, TemplatePairsFigures) {
  const std::string xlang = RunEval(Fixture("template-pairs.tsv"));
  EXPECT_NE(xlang.find("SUMMARY template-pairs.tsv pairs precision=0.9112 "
                       "recall=0.9749 f1=0.9420 hardneg=0.0363 near=0.9749"),
            std::string::npos)
      << xlang;
  const std::string near =
      RunEval("--match near " + Fixture("template-pairs.tsv"));
  EXPECT_NE(near.find("SUMMARY template-pairs.tsv pairs precision=0.8779 "
                      "recall=0.9441 f1=0.9098 hardneg=0.0502 near=0.9441"),
            std::string::npos)
      << near;
}

}  // namespace
