//! Reports: pure functions from a scan to Markdown, HTML, CSV or JSON text.
//! No IO here; `commands::report` reads the scan and writes the result.
//!
//! Every format is built from the same [`Report`]: the scan, its evaluation
//! (computed once, by `model::scoring`) and the language catalogue, with the
//! small helpers that word answers, statuses and scores identically in each
//! format. Verdicts, reasons, points of attention, overrides and the notice
//! about an unfinished scan are worded by the catalogue, as in the interface.

pub mod actions;
pub mod agenda;
mod compare;
mod csv;
mod html;
mod ics;
mod json;
mod markdown;
mod overview;

pub use compare::render_comparison;
pub use overview::render_overview;

use std::collections::{HashMap, HashSet};

use crate::i18n::{Catalogue, ReportText};
use crate::model::{
    Agreement, Answer, AttentionPoint, AttentionReason, CriterionAnswer, CriterionRef,
    CriterionResult, CriterionStatus, Evaluation, Exact, Framework, OverrideOutcome, Scan,
    ScoreSource, Theme, Verdict, evaluate,
};
use crate::storage::sanitize_for_display;

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// To paste into a mail or a Word document.
    Markdown,
    /// One self-contained page, printable to A4.
    Html,
    /// One row per criterion, for a spreadsheet (Dutch Excel and LibreOffice).
    Csv,
    /// The complete computed result, for other tools.
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Csv, Format::Json];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// The report of a scan in one format.
pub fn render(scan: &Scan, format: Format, text: &Catalogue) -> String {
    let report = Report::new(scan, text);
    match format {
        Format::Markdown => markdown::render(&report),
        Format::Html => html::render(&report),
        Format::Csv => csv::render(&report),
        Format::Json => json::render(&report),
    }
}

/// Everything a format needs, computed once.
struct Report<'a> {
    scan: &'a Scan,
    framework: &'a Framework,
    evaluation: Evaluation,
    text: &'a Catalogue,
    /// Stands in for the answer of a criterion a damaged scan lacks.
    empty: CriterionAnswer,
    /// The place in `evaluation.attention` of each criterion's point, so
    /// that a row finds its point without reading them all.
    attention_of: HashMap<String, usize>,
}

/// One framework criterion with what was recorded and what it scored.
struct Row<'a> {
    entry: CriterionRef<'a>,
    answer: &'a CriterionAnswer,
    result: &'a CriterionResult,
}

/// A point of attention as the report's opening pages show it.
struct AttentionItem<'r> {
    /// The catalogue's wording of the point.
    text: String,
    /// The criterion it is about; `None` for a theme's point.
    row: Option<Row<'r>>,
}

/// One theme in the weighting rule's table; numbers as text.
struct WeightedTheme {
    name: String,
    core: bool,
    weight: String,
    score: String,
    /// Score × weight, or the no-score mark when the theme adds nothing.
    weighted: String,
}

/// The weighting rule with this scan's numbers, so a reader can recompute
/// the total and see which thresholds decided the verdict.
struct WeightingSummary {
    themes: Vec<WeightedTheme>,
    /// "Totaalscore = 17,42 / 5,5 = 3,17"; `None` without a total.
    total_sum: Option<String>,
    follow_up: String,
    robust: String,
}

/// The verdict as a report states it.
struct VerdictSummary {
    /// The verdict that stands.
    shown: Verdict,
    /// The computed verdict, when an override moved it.
    computed_if_overridden: Option<Verdict>,
    /// Unfinished scan, or nothing scored: the verdict may still change.
    provisional: bool,
}

impl<'a> Report<'a> {
    fn new(scan: &'a Scan, text: &'a Catalogue) -> Self {
        let evaluation = evaluate(scan);
        let mut attention_of = HashMap::new();
        for (at, point) in evaluation.attention.iter().enumerate() {
            if let AttentionPoint::Criterion { criterion_id, .. } = point {
                attention_of.entry(criterion_id.clone()).or_insert(at);
            }
        }
        Self {
            scan,
            framework: &scan.framework,
            evaluation,
            text,
            empty: CriterionAnswer::empty(scan.framework.perspectives.len()),
            attention_of,
        }
    }

    fn words(&self) -> &'a ReportText {
        &self.text.report
    }

    /// Every framework criterion, in walk order: none is ever left out.
    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.framework
            .criteria()
            .zip(&self.evaluation.criteria)
            .map(|(entry, result)| Row {
                entry,
                answer: self.scan.answers.get(entry.index).unwrap_or(&self.empty),
                result,
            })
    }

    /// The rows of one theme, by its position in the framework.
    fn theme_rows(&self, theme_index: usize) -> impl Iterator<Item = Row<'_>> {
        self.rows()
            .filter(move |row| row.entry.theme_index == theme_index)
    }

    /// "3 – Op orde", "Onbekend", "N.v.t.", with the framework's labels.
    fn answer_label(&self, answer: Answer) -> String {
        match answer {
            Answer::Score(value) => match self.framework.scale_level(value) {
                Some(level) => format!("{value} – {}", level.label),
                None => value.to_string(),
            },
            Answer::Unknown => self.framework.scale.unknown.label.clone(),
            Answer::NotApplicable => self.framework.scale.not_applicable.label.clone(),
        }
    }

    /// A perspective's answer, or the no-score mark when it gave none.
    fn perspective_answer(&self, row: &Row, index: usize) -> String {
        row.answer
            .perspectives
            .get(index)
            .and_then(|view| view.score)
            .map_or_else(
                || self.words().no_score.to_string(),
                |answer| self.answer_label(answer),
            )
    }

    fn perspective_note<'r>(&self, row: &'r Row, index: usize) -> &'r str {
        row.answer
            .perspectives
            .get(index)
            .map_or("", |view| view.note.as_str())
    }

    /// The joint answer; "geen consensus" or "open" when there is none.
    fn consensus_answer(&self, row: &Row) -> String {
        match row.answer.consensus {
            Some(answer) => self.answer_label(answer),
            None if row.answer.agreement == Some(Agreement::NoConsensus) => {
                self.text.status_no_consensus.to_string()
            }
            None => self.words().open.to_string(),
        }
    }

    fn agreement_label(&self, row: &Row) -> String {
        row.answer.agreement.map_or_else(
            || self.words().no_score.to_string(),
            |level| self.framework.agreement_label(level).to_string(),
        )
    }

    /// "3", or "2 (geen consensus: de laagste score telt, van aanbieders)".
    fn counting_score(&self, row: &Row) -> String {
        match &row.result.counting {
            None => self.words().no_score.to_string(),
            Some(counting) if counting.source == ScoreSource::Consensus => {
                counting.score.to_string()
            }
            Some(counting) => format!(
                "{} ({})",
                counting.score,
                (self.words().counting_source)(&counting.source, self.framework)
            ),
        }
    }

    /// The navigator's word for the criterion's state, "open" for an open one.
    fn status(&self, row: &Row) -> &'a str {
        match row.answer.status() {
            CriterionStatus::Open => self.words().open,
            CriterionStatus::Answered => self.text.status_answered,
            CriterionStatus::Consensus => self.text.status_consensus,
            CriterionStatus::NoConsensus => self.text.status_no_consensus,
            CriterionStatus::Skipped => self.text.status_skipped,
        }
    }

    /// The marks after a criterion's title: critical, open or skipped.
    fn marks(&self, row: &Row) -> Vec<&'a str> {
        let mut marks = Vec::new();
        if row.entry.criterion.critical {
            marks.push(self.text.critical);
        }
        if !row.result.answered {
            marks.push(self.words().open);
            if row.answer.skipped {
                marks.push(self.text.status_skipped);
            }
        }
        marks
    }

    fn perspective_label(&self, perspective_id: &str) -> &'a str {
        self.framework
            .perspectives
            .iter()
            .find(|p| p.id == perspective_id)
            .map_or("", |p| p.label.as_str())
    }

    /// An exact number with `places` decimals, in the catalogue's notation.
    fn decimal(&self, value: &Exact, places: u32) -> String {
        value
            .rounded(places)
            .replace('.', &self.words().decimal_separator.to_string())
    }

    /// A threshold or weight with all its decimals and at least `places`.
    fn exact_decimal(&self, value: &Exact, places: u32) -> String {
        let places = value.decimal_places().unwrap_or(places).max(places);
        self.decimal(value, places)
    }

    /// A theme score or total with two decimals, or the no-score mark.
    fn score_number(&self, value: Option<&Exact>) -> String {
        value.map_or_else(
            || self.words().no_score.to_string(),
            |value| self.decimal(value, 2),
        )
    }

    /// The points of attention, most severe first: those on critical criteria,
    /// then those with a low score (lowest first), then disagreements, then
    /// themes with much unknown. Walk order within each.
    fn attention_by_severity(&self) -> Vec<AttentionItem<'_>> {
        let rows: Vec<Row<'_>> = self.rows().collect();
        let row_of: HashMap<&str, &Row<'_>> = rows
            .iter()
            .rev() // the first row of an id wins, as a search from the front would
            .map(|row| (row.entry.criterion.id.as_str(), row))
            .collect();
        let mut ranked: Vec<((u8, u8, usize), AttentionItem<'_>)> = self
            .evaluation
            .attention
            .iter()
            .map(|point| {
                let text = (self.text.attention)(point, self.framework);
                match point {
                    AttentionPoint::Criterion {
                        criterion_id,
                        reasons,
                        ..
                    } => {
                        let row = row_of.get(criterion_id.as_str()).map(|row| Row { ..**row });
                        let (critical, score, index) =
                            row.as_ref().map_or((false, None, 0), |row| {
                                (
                                    row.entry.criterion.critical,
                                    row.result.counting_score(),
                                    row.entry.index,
                                )
                            });
                        let low = reasons
                            .iter()
                            .any(|reason| matches!(reason, AttentionReason::LowScore { .. }));
                        let rank = if critical {
                            0
                        } else if low {
                            1
                        } else {
                            2
                        };
                        (
                            (rank, score.unwrap_or(u8::MAX), index),
                            AttentionItem { text, row },
                        )
                    }
                    AttentionPoint::ThemeUnknownShare { theme_id, .. } => {
                        let index = self
                            .framework
                            .themes
                            .iter()
                            .position(|theme| theme.id == *theme_id)
                            .unwrap_or(usize::MAX);
                        ((3, u8::MAX, index), AttentionItem { text, row: None })
                    }
                }
            })
            .collect();
        // A stable sort keeps the walk order among equals.
        ranked.sort_by_key(|(key, _)| *key);
        ranked.into_iter().map(|(_, item)| item).collect()
    }

    /// The notes that explain a criterion's point: the room's joint note, or
    /// when there is none, each perspective's note with its label.
    fn explanation(&self, row: &Row) -> Vec<(String, String)> {
        let joint = clean(&row.answer.consensus_note);
        if !joint.is_empty() {
            return vec![(self.words().consensus_note.to_string(), joint)];
        }
        self.framework
            .perspectives
            .iter()
            .enumerate()
            .map(|(index, perspective)| {
                (
                    perspective.label.clone(),
                    clean(self.perspective_note(row, index)),
                )
            })
            .filter(|(_, note)| !note.is_empty())
            .collect()
    }

    /// The criteria with an action that are not among the points of attention
    /// (whose actions are shown with the point), in walk order.
    fn other_actions(&self) -> Vec<Row<'_>> {
        let pointed: HashSet<&str> = self
            .evaluation
            .attention
            .iter()
            .filter_map(|point| match point {
                AttentionPoint::Criterion { criterion_id, .. } => Some(criterion_id.as_str()),
                AttentionPoint::ThemeUnknownShare { .. } => None,
            })
            .collect();
        self.actions()
            .into_iter()
            .filter(|row| !pointed.contains(&row.entry.criterion.id.as_str()))
            .collect()
    }

    /// The weighting rule with the theme weights and this scan's scores.
    fn weighting(&self) -> WeightingSummary {
        let words = self.words();
        let weighting = &self.framework.weighting;
        let mut weighted_sum = Exact::zero();
        let mut weight_sum = Exact::zero();
        let themes = self
            .framework
            .themes
            .iter()
            .zip(&self.evaluation.themes)
            .map(|(theme, result)| {
                let counts = result.weight_exact.is_positive();
                let weighted = result
                    .score_exact
                    .as_ref()
                    .filter(|_| counts)
                    .map(|score| score * &result.weight_exact);
                if let Some(weighted) = &weighted {
                    weighted_sum = &weighted_sum + weighted;
                    weight_sum = &weight_sum + &result.weight_exact;
                }
                WeightedTheme {
                    name: theme_name(theme),
                    core: result.core,
                    weight: self.exact_decimal(&result.weight_exact, 0),
                    score: self.score_number(result.score_exact.as_ref()),
                    weighted: self.score_number(weighted.as_ref()),
                }
            })
            .collect();
        let total_sum = self.evaluation.total_exact.as_ref().map(|total| {
            (words.total_sum)(
                &self.decimal(&weighted_sum, 2),
                &self.exact_decimal(&weight_sum, 0),
                &self.decimal(total, 2),
            )
        });
        let threshold = |value: f64| self.exact_decimal(&Exact::from_decimal_f64(value), 2);
        WeightingSummary {
            themes,
            total_sum,
            follow_up: (words.follow_up_rule)(
                &threshold(weighting.follow_up_total_below),
                &threshold(weighting.follow_up_core_theme_below),
                weighting.follow_up_critical_at_most,
            ),
            robust: (words.robust_rule)(
                &threshold(weighting.robust_total_at_least),
                &threshold(weighting.robust_core_theme_at_least),
                weighting.robust_any_criterion_above,
                weighting.robust_critical_at_least,
            ),
        }
    }

    /// A score with two decimals in the catalogue's notation, or the no-score mark.
    fn number(&self, value: Option<f64>) -> String {
        value.map_or_else(
            || self.words().no_score.to_string(),
            |value| (self.text.number)(value),
        )
    }

    fn verdict_summary(&self) -> VerdictSummary {
        let evaluation = &self.evaluation;
        let shown = evaluation.verdict();
        VerdictSummary {
            shown,
            computed_if_overridden: (shown != evaluation.computed_verdict)
                .then_some(evaluation.computed_verdict),
            provisional: !evaluation.is_complete() || evaluation.nothing_scored(),
        }
    }

    /// The verdict's name with "(voorlopig)" and "(aangepast …)" as they apply.
    fn verdict_headline(&self) -> String {
        let summary = self.verdict_summary();
        let mut headline = (self.text.verdict)(summary.shown).to_string();
        if summary.computed_if_overridden.is_some() {
            headline.push_str(&format!(" ({})", self.words().overridden));
        }
        if summary.provisional {
            headline.push_str(&format!(" ({})", self.words().provisional));
        }
        headline
    }

    /// The reasons for the computed verdict, each a sentence.
    fn reasons(&self) -> Vec<String> {
        self.evaluation
            .reasons
            .iter()
            .map(|reason| sentence(&(self.text.reason)(reason, self.framework)))
            .collect()
    }

    /// What the override did, with its rationale.
    fn override_text(&self) -> Option<String> {
        self.evaluation
            .override_outcome
            .as_ref()
            .map(|outcome| (self.text.override_outcome)(outcome))
    }

    /// True when the override was ignored because it is too far from the computed verdict.
    fn override_ignored(&self) -> bool {
        matches!(
            self.evaluation.override_outcome,
            Some(OverrideOutcome::TooFar { .. })
        )
    }

    /// The notice for an unfinished scan, said at the top of every report.
    fn incomplete_notice(&self) -> Option<String> {
        let progress = self.evaluation.progress;
        (!self.evaluation.is_complete())
            .then(|| (self.text.incomplete)(progress.answered, progress.total))
    }

    /// The point of attention of one criterion, if it has one.
    fn criterion_attention(&self, criterion_id: &str) -> Option<String> {
        let point = &self.evaluation.attention[*self.attention_of.get(criterion_id)?];
        Some((self.text.attention)(point, self.framework))
    }

    /// The criteria with an ambition or an action, in walk order.
    fn actions(&self) -> Vec<Row<'_>> {
        self.rows()
            .filter(|row| !row.answer.actions.is_empty() || row.answer.ambition.is_some())
            .collect()
    }

    /// A criterion's agenda as labelled items: "Ambitie" and its line, then
    /// "Actie" and each action's line.
    fn agenda_items(&self, row: &Row<'_>) -> Vec<(&'static str, String)> {
        let mut items = Vec::new();
        if let Some(ambition) = &row.answer.ambition {
            items.push((
                self.text.agenda.ambition,
                agenda::ambition_line(self.text, self.framework, ambition),
            ));
        }
        for action in &row.answer.actions {
            items.push((self.words().action, agenda::action_line(self.text, action)));
        }
        items
    }

    /// The lines of a criterion's agenda: its ambition, then each action.
    fn agenda_lines(&self, row: &Row<'_>) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(ambition) = &row.answer.ambition {
            lines.push(format!(
                "{}: {}",
                self.text.agenda.ambition,
                agenda::ambition_line(self.text, self.framework, ambition)
            ));
        }
        for action in &row.answer.actions {
            lines.push(agenda::action_line(self.text, action));
        }
        lines
    }

    /// The points of attention without an action, as "ID Title".
    fn attention_without_action(&self) -> Vec<String> {
        crate::model::agenda::attention_without_action(self.scan, &self.evaluation)
            .into_iter()
            .filter_map(|id| self.framework.criterion_by_id(id))
            .map(|entry| format!("{} {}", entry.criterion.id, entry.criterion.title))
            .collect()
    }

    /// Progress on the actions carried from the previous scan, if any were.
    fn agenda_progress(&self) -> Option<String> {
        let progress = crate::model::agenda::agenda_progress(self.scan, self.scan.meta.date);
        (progress.carried() > 0).then(|| (self.text.agenda.progress)(&progress))
    }

    /// The criteria without an answer, in walk order.
    fn unanswered(&self) -> Vec<Row<'_>> {
        self.rows().filter(|row| !row.result.answered).collect()
    }

    fn framework_line(&self) -> String {
        (self.words().framework_version)(&self.framework.title, &self.framework.version)
    }

    fn date_line(&self) -> String {
        (self.words().date_long)(self.scan.meta.date)
    }

    fn made_with(&self) -> String {
        (self.words().made_with)(env!("CARGO_PKG_VERSION"))
    }
}

/// "T1 Visie".
fn theme_name(theme: &Theme) -> String {
    format!("{} {}", theme.id, theme.title)
}

/// "VIS-1 Vastgestelde regiovisie".
fn criterion_name(row: &Row) -> String {
    format!("{} {}", row.entry.criterion.id, row.entry.criterion.title)
}

/// Text from a scan, safe to put in a report: line ends as `\n`, tabs as
/// spaces, every other control or bidi character made visible as an escape
/// (so a hostile note cannot hide or reorder text), trailing blanks removed.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n")
        .replace('\t', " ")
        .split('\n')
        .map(|line| sanitize_for_display(line.trim_end()))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// A reason from the catalogue as a sentence in a list: capital first letter.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_keeps_line_breaks_and_escapes_controls() {
        assert_eq!(clean("a\r\nb\tc\u{1b}[31m \n"), "a\nb c\\u{1b}[31m");
        assert_eq!(clean("x\u{202e}y"), "x\\u{202e}y");
    }

    #[test]
    fn sentence_capitalises_the_first_letter() {
        assert_eq!(sentence("één punt"), "Één punt");
        assert_eq!(sentence(""), "");
    }
}
