//! De Nederlandse teksten van het werk met meerdere scans: samenvoegen,
//! vergelijken, overzicht, huiswerk.

use crate::i18n::ManyText;
use crate::model::compare::{Change, NotComparable};

pub const MANY: ManyText = ManyText {
    compare_title: |region, then, now| format!("Vergelijking {region}: {then} en {now}"),
    then: "Toen",
    now: "Nu",
    change: "Verschil",
    change_word: |change| match change {
        Change::Up => "hoger",
        Change::Down => "lager",
        Change::Same => "gelijk",
    },
    became_attention: "Nieuwe aandachtspunten",
    stopped_attention: "Geen aandachtspunt meer",
    not_comparable: "Niet te vergelijken",
    nothing: "Geen.",
    not_comparable_item: |item| match item {
        NotComparable::DifferentFramework { old, new } => {
            format!("andere kaders ({old} en {new}): alleen gelijke criteria zijn vergeleken")
        }
        NotComparable::DifferentVersion { old, new } => {
            format!("andere kaderversies ({old} en {new}): alleen gelijke criteria zijn vergeleken")
        }
        NotComparable::DifferentScale => {
            "de antwoordschalen verschillen: een gelijk cijfer kan iets anders betekenen"
                .to_string()
        }
        NotComparable::CriterionOnlyInOld { criterion_id } => {
            format!("criterium {criterion_id} staat alleen in de oude scan")
        }
        NotComparable::CriterionOnlyInNew { criterion_id } => {
            format!("criterium {criterion_id} staat alleen in de nieuwe scan")
        }
        NotComparable::ThemeOnlyInOld { theme_id } => {
            format!("thema {theme_id} staat alleen in de oude scan")
        }
        NotComparable::ThemeOnlyInNew { theme_id } => {
            format!("thema {theme_id} staat alleen in de nieuwe scan")
        }
    },
    change_chart_title: "Verschil per thema (nu min toen)",
    agenda_progress: "Agenda: ambities en acties toen en nu",
    overview_title: |count| format!("Overzicht van {count} scans"),
    overview_group: |title, version, count| format!("{title}, versie {version}: {count} scans"),
    overview_counts: |scans, regions, verdicts| {
        if scans == regions {
            format!("{scans} regio's, {verdicts}")
        } else {
            format!("{scans} scans van {regions} regio's, {verdicts}")
        }
    },
    verdict_count: |count, verdict| format!("{count} {verdict}"),
    completion: "Beantwoord",
    heatmap_title: "Scores per criterium en regio",
    spread_title: "Mediaan en spreiding per criterium",
    median: "Mediaan",
    lowest: "Laagste",
    highest: "Hoogste",
    scored: "Gescoord",
    source: "Bestand",
    suppressed: |min| {
        format!("Minder dan {min} scans: totalen, mediaan en spreiding worden niet getoond.")
    },
    not_loaded: |count| format!("{count} bestand(en) niet geladen en niet gewijzigd."),
    no_scans: "Geen scans gevonden.",
    merged_with_conflicts: |path, count| {
        format!("Samengevoegd in {path}, met {count} conflict(en): kies per veld in de doorloop.")
    },
    merged_clean: |path| format!("Samengevoegd in {path}, zonder conflicten."),
    unmatched: |from, criterion, field| {
        format!(
            "{from}: {criterion} {field} past niet in het samengevoegde kader en is niet overgenomen"
        )
    },
    meta_difference: |field| {
        format!("de bestanden verschillen in {field}; de waarde van het eerste bestand is gehouden")
    },
    output_is_input: |path| {
        format!("{path} is een van de invoerbestanden; kies een ander uitvoerbestand")
    },
    different_frameworks: |first, other| {
        format!("scans van verschillende kaders ({first} en {other}) zijn niet samen te voegen")
    },
    write_failed: |path, reason| format!("{path} kon niet worden geschreven: {reason}"),
    homework_line: |side| format!("Huiswerk voor {side}: alleen hun scores en notities"),
    homework_refused: |side| {
        format!(
            "Huiswerk voor {side}: alleen hun scores en notities; de rest komt in de werksessie"
        )
    },
    no_conflicts_here: "Dit criterium heeft geen conflicten.",
    cannot_choose: "Deze waarde kan hier niet worden gekozen.",
    combine_only_notes: "Samenvoegen kan alleen bij notities.",
    conflicts_title: |criterion, n, count| format!("Conflicten bij {criterion} ({n} van {count})"),
    conflicts_help: "Kies met ←/→ en Enter; c voegt notities samen, e neemt de waarde en bewerkt verder.",
    spread: |label, low, high, count| {
        format!("{label}: laagste {low}, hoogste {high}, {count} bestanden")
    },
    empty_value: "(leeg)",
    conflicts_on_open: |count| {
        format!(
            "{count} conflict(en) van het samenvoegen: druk c bij een criterium met conflicten."
        )
    },
    last_time_title: |date| format!("Vorige keer ({date})"),
    last_time_missing: "Dit criterium staat niet in de vorige scan.",
    no_previous: "Er is geen vorige scan van deze regio en dit kader.",
    previous_failed: "De vorige scan kon niet worden geopend",
    previous_found: |name, date| {
        format!("Vorige scan erbij: {name} ({date}); druk h voor vorige keer.")
    },
    previous_badge: |score| format!("vorige {score}"),
    last_time_change: "Verandering",
    last_time_help: "Esc sluit.",
    help_overview_intro: "Het overzicht van veel scans: ↑/↓ kiest een regel, Tab wisselt tussen tabel, heatmap en spreiding, ←/→ wisselt van kader of versie.",
    overview_views: ["Tabel", "Heatmap", "Spreiding"],
    homework_left_out: |count| {
        format!("{count} huiswerkscan(s) niet meegeteld: huiswerk is geen uitkomst van een regio.")
    },
    conflict_mark: |options, spread| match spread {
        Some((low, high, count)) => format!("⚠ {low}–{high}, {count} bestanden (c)"),
        None => format!("⚠ {options} waarden (c)"),
    },
    unknown_perspective: |id, known| format!("onbekend perspectief {id:?}; bekend: {known}"),
};
