//! De Nederlandse teksten van de rapporten (`zelfscan report`).

use crate::i18n::ReportText;
use crate::model::{Framework, ScoreSource};

pub const REPORT: ReportText = ReportText {
    html_lang: "nl",
    csv_separator: ';',
    title: |region| format!("Zelfscan {region}"),
    region: "Regio",
    date: "Datum",
    date_long,
    facilitator: "Gespreksleider",
    note_taker: "Notulist",
    framework: "Kader",
    framework_version: |title, version| format!("{title}, versie {version}"),
    participants: "Deelnemers",
    name: "Naam",
    organisation: "Organisatie",
    perspective: "Perspectief",
    no_participants: "Er zijn geen deelnemers vastgelegd.",
    verdict: "Oordeel",
    computed_verdict: "Berekend oordeel",
    provisional: "voorlopig",
    overridden: "aangepast door de gespreksleider",
    override_heading: "Aanpassing door de gespreksleider",
    reasons: "Waarom dit oordeel",
    theme_scores: "Scores per thema",
    theme: "Thema",
    joint: "Gezamenlijk",
    core_theme: "kernthema",
    total: "Totaalscore",
    no_score: "–",
    chart_title: "Scores per thema: per perspectief en gezamenlijk",
    criteria: "Criteria",
    criterion: "Criterium",
    criterion_title: "Titel",
    critical: "Kritiek",
    yes: "ja",
    no: "nee",
    consensus: "Gezamenlijk antwoord",
    agreement: "Overeenstemming",
    counting_score: "Telt mee",
    counting_source,
    note: "Notitie",
    perspective_score: |perspective| format!("Score {perspective}"),
    perspective_note: |perspective| format!("Notitie {perspective}"),
    consensus_note: "Toelichting",
    action: "Actie",
    changed_at: "Gewijzigd op",
    status: "Status",
    open: "open",
    attention_and_actions: "Aandachtspunten en acties",
    attention_points: "Aandachtspunten",
    actions: "Acties",
    no_attention: "Er zijn geen aandachtspunten.",
    no_actions: "Er zijn geen acties vastgelegd.",
    unanswered: "Nog niet beantwoord",
    nothing_unanswered: "Alle criteria zijn beantwoord.",
    made_with: |version| format!("Gemaakt met zelfscan {version}"),
    write_failed: |path, error| {
        format!("het rapport kon niet worden geschreven naar {path}: {error}")
    },
    output_is_scan: |path| {
        format!("{path} is de scan zelf; kies met --output een ander bestand voor het rapport")
    },

    decimal_separator: ',',
    perspective_number: |perspective| format!("Score {perspective} (getal)"),
    consensus_number: "Gezamenlijk antwoord (getal)",
    attention_by_severity: "Aandachtspunten",
    attention_order: "Het zwaarste punt eerst: kritieke criteria, dan de laagste scores, dan verschillen van inzicht.",
    other_actions: "Overige acties",
    weighting_heading: "Scores per thema en hoe het oordeel is berekend",
    weighting_explained: "Per criterium telt de gezamenlijke score; zonder consensus telt de laagste score van een perspectief. Onbekend en n.v.t. tellen niet mee. De score van een thema is het gemiddelde van de criteria die meetellen; de totaalscore is het gewogen gemiddelde van de themascores: de som van score × gewicht, gedeeld door de som van de gewichten van de thema's met een score.",
    weight: "Gewicht",
    weighted_score: "Score × gewicht",
    total_sum: |weighted, weights, total| {
        format!("Totaalscore = {weighted} / {weights} = {total} (op twee decimalen)")
    },
    follow_up_rule: |total, core, critical| {
        format!(
            "Vervolgtraject als de totaalscore lager is dan {total}, een kernthema lager scoort dan {core} of een kritiek criterium {critical} of lager scoort."
        )
    },
    robust_rule: |total, core, above, critical| {
        format!(
            "Robuust als de totaalscore minstens {total} is, elk kernthema minstens {core} scoort, elk criterium hoger dan {above} scoort en elk kritiek criterium minstens {critical}."
        )
    },
    otherwise_rule: "Anders: robuust met aandachtspunten.",
    details_heading: "Alle criteria in detail",
};

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

fn date_long(date: jiff::civil::Date) -> String {
    let month = usize::try_from(date.month() - 1)
        .ok()
        .and_then(|index| MONTHS.get(index))
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", date.day(), date.year())
}

fn counting_source(source: &ScoreSource, framework: &Framework) -> String {
    match source {
        ScoreSource::Consensus => "gezamenlijk antwoord".to_string(),
        ScoreSource::LowestPerspective { perspective_id } => {
            let label = framework.perspective_label(perspective_id);
            format!(
                "geen consensus: de laagste score telt, van {}",
                label.to_lowercase()
            )
        }
        ScoreSource::ConsensusFallback => {
            "geen consensus en geen score per perspectief: het gezamenlijke antwoord telt"
                .to_string()
        }
    }
}
