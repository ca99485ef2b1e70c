//! The English texts of the reports (`zelfscan report`).

use crate::i18n::ReportText;
use crate::model::{Framework, ScoreSource};

pub const REPORT: ReportText = ReportText {
    html_lang: "en",
    csv_separator: ',',
    title: |region| format!("Self-scan {region}"),
    region: "Region",
    date: "Date",
    date_long,
    facilitator: "Facilitator",
    note_taker: "Note-taker",
    framework: "Framework",
    framework_version: |title, version| format!("{title}, version {version}"),
    participants: "Participants",
    name: "Name",
    organisation: "Organisation",
    perspective: "Perspective",
    no_participants: "No participants have been recorded.",
    verdict: "Verdict",
    computed_verdict: "Computed verdict",
    provisional: "provisional",
    overridden: "adjusted by the facilitator",
    override_heading: "Adjustment by the facilitator",
    reasons: "Why this verdict",
    theme_scores: "Scores per theme",
    theme: "Theme",
    joint: "Joint",
    core_theme: "core theme",
    total: "Total score",
    no_score: "–",
    chart_title: "Scores per theme: per perspective and joint",
    criteria: "Criteria",
    criterion: "Criterion",
    criterion_title: "Title",
    critical: "Critical",
    yes: "yes",
    no: "no",
    consensus: "Joint answer",
    agreement: "Agreement",
    counting_score: "Counts",
    counting_source,
    note: "Note",
    perspective_score: |perspective| format!("Score {perspective}"),
    perspective_note: |perspective| format!("Note {perspective}"),
    consensus_note: "Explanation",
    action: "Action",
    changed_at: "Changed at",
    status: "Status",
    open: "open",
    attention_and_actions: "Points of attention and actions",
    attention_points: "Points of attention",
    actions: "Actions",
    no_attention: "There are no points of attention.",
    no_actions: "No actions have been recorded.",
    unanswered: "Not answered yet",
    nothing_unanswered: "All criteria have been answered.",
    made_with: |version| format!("Made with zelfscan {version}"),
    write_failed: |path, error| format!("the report could not be written to {path}: {error}"),
    output_is_scan: |path| {
        format!("{path} is the scan itself; choose another file for the report with --output")
    },

    decimal_separator: '.',
    perspective_number: |perspective| format!("Score {perspective} (number)"),
    consensus_number: "Joint answer (number)",
    attention_by_severity: "Points of attention",
    attention_order: "Most severe first: critical criteria, then the lowest scores, then differences of view.",
    other_actions: "Other actions",
    weighting_heading: "Scores per theme and how the verdict is computed",
    weighting_explained: "Per criterion the joint score counts; without consensus the lowest score of a perspective counts. Unknown and not applicable do not count. A theme's score is the mean of its criteria that count; the total score is the weighted mean of the theme scores: the sum of score × weight, divided by the sum of the weights of the themes with a score.",
    weight: "Weight",
    weighted_score: "Score × weight",
    total_sum: |weighted, weights, total| {
        format!("Total score = {weighted} / {weights} = {total} (to two decimals)")
    },
    follow_up_rule: |total, core, critical| {
        format!(
            "Follow-up needed when the total score is lower than {total}, a core theme scores lower than {core} or a critical criterion scores {critical} or lower."
        )
    },
    robust_rule: |total, core, above, critical| {
        format!(
            "Robust when the total score is at least {total}, every core theme scores at least {core}, every criterion scores more than {above} and every critical criterion at least {critical}."
        )
    },
    otherwise_rule: "Otherwise: robust with points of attention.",
    details_heading: "Every criterion in detail",
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "25 November 2026": day first, as in British English, so the date cannot be
/// misread in either order.
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
        ScoreSource::Consensus => "joint answer".to_string(),
        ScoreSource::LowestPerspective { perspective_id } => {
            let label = framework.perspective_label(perspective_id);
            format!(
                "no consensus: the lowest score counts, from {}",
                label.to_lowercase()
            )
        }
        ScoreSource::ConsensusFallback => {
            "no consensus and no score per perspective: the joint answer counts".to_string()
        }
    }
}
