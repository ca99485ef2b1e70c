//! The overview of a scan's outcome: the verdict with its reasons, the theme
//! scores of each perspective and of the joint answers as bars and numbers,
//! and the points of attention and unanswered criteria, each of which leads
//! to its criterion. Everything comes from `model::evaluate`. The rows are
//! made once for a state of the scan and a width, and kept while they stay
//! (moving the selection, a clock, opening the screen again): making them
//! (evaluating the scan with exact fractions, writing the reasons and bars)
//! was more than half of drawing this screen.

use std::cell::RefCell;
use std::rc::Rc;

use super::boxed::Boxed;
use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::style::Styles;
use crate::model::{AttentionPoint, AttentionReason, Evaluation, Scan};
use crate::tui::app::{App, WalkMode, Walkthrough};
use crate::tui::text_edit::{self, TextCursor, Viewport};

/// How a piece of a row is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Normal,
    Bold,
    Heading,
    Verdict,
    Warning,
    Dim,
}

mod reuse;
mod table;

use reuse::Parts;
use table::theme_rows;

/// One screen row; `entry` is set on rows that belong to a selectable entry.
/// Its pieces are shared: a row taken again ([`reuse`]) is not copied.
#[derive(Clone)]
struct Row {
    pieces: Rc<[(String, Look)]>,
    entry: Option<usize>,
}

fn row(text: impl Into<String>, look: Look) -> Row {
    Row {
        pieces: Rc::from([(text.into(), look)]),
        entry: None,
    }
}

/// The criteria the selectable entries lead to, in display order: first the
/// points of attention, then the unanswered criteria.
pub fn targets(walk: &Walkthrough) -> Vec<usize> {
    entries(&super::evaluated::evaluation(walk), &walk.scan)
        .into_iter()
        .map(|(_, target)| target)
        .collect()
}

/// Selectable entries: the text kind and the criterion each leads to.
fn entries(evaluation: &Evaluation, scan: &Scan) -> Vec<(Entry, usize)> {
    let framework = &scan.framework;
    let positions = framework.criterion_positions();
    let mut entries = Vec::new();
    for (index, point) in evaluation.attention.iter().enumerate() {
        let target = match point {
            AttentionPoint::Criterion { criterion_id, .. } => {
                positions.get(criterion_id.as_str()).copied()
            }
            // A theme-wide point leads to the theme's first criterion.
            // (Counted theme by theme, not criterion by criterion.)
            AttentionPoint::ThemeUnknownShare { theme_id, .. } => {
                let mut start = 0;
                framework.themes.iter().find_map(|theme| {
                    let first =
                        (&theme.id == theme_id && !theme.criteria.is_empty()).then_some(start);
                    start += theme.criteria.len();
                    first
                })
            }
        };
        if let Some(target) = target {
            entries.push((Entry::Attention(index), target));
        }
    }
    let open: Vec<usize> = evaluation
        .unanswered
        .iter()
        .filter_map(|id| positions.get(id.as_str()).copied())
        .collect();
    let parked = |index: &usize| scan.answers.get(*index).is_some_and(|a| a.skipped);
    entries.extend(
        open.iter()
            .filter(|i| parked(i))
            .map(|i| (Entry::Parked, *i)),
    );
    entries.extend(
        open.iter()
            .filter(|i| !parked(i))
            .map(|i| (Entry::Unanswered, *i)),
    );
    entries
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Attention(usize),
    /// Set aside to come back to (skipped).
    Parked,
    Unanswered,
}

/// Wraps `text` to `width`, the first row after `first`, the rest indented as deep.
fn wrapped(first: &str, text: &str, width: u16, look: Look, entry: Option<usize>) -> Vec<Row> {
    let indent = first.chars().count();
    let shown = text_edit::visible(
        text,
        &TextCursor::default(),
        Viewport {
            width: width.saturating_sub(indent as u16).max(1),
            height: u16::MAX,
        },
    );
    shown
        .rows
        .iter()
        .enumerate()
        .map(|(index, range)| {
            let lead = if index == 0 {
                first.to_string()
            } else {
                " ".repeat(indent)
            };
            Row {
                pieces: Rc::from([(lead, look), (text[range.clone()].to_string(), look)]),
                entry,
            }
        })
        .collect()
}

/// What the rows were made from: the scan's state, the width, the language.
#[derive(Clone, Copy, PartialEq, Eq)]
struct RowsKey {
    scan: (u64, u64),
    width: u16,
    catalogue: usize,
}

/// Rows made once for a state of the scan, numbered: no two sets of rows
/// made in one run have the same number, so a drawn row is known by its
/// set's number and its place in it (`Rows::kept_as`).
#[derive(Clone)]
struct Made {
    set: u64,
    rows: Rc<Vec<Row>>,
}

thread_local! {
    /// The rows last made, and what from.
    static KEPT: RefCell<Option<(RowsKey, Made)>> = const { RefCell::new(None) };
    /// How many sets of rows were made so far.
    static SETS_MADE: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// The pieces of the rows last made, to take again ([`reuse`]).
    static PARTS: RefCell<Parts> = RefCell::new(Parts::default());
}

/// Makes the outcome screen's rows for the scan as it stands, at the width
/// the screen would have now, before the screen is opened (see
/// `evaluated::prepare`); when the screen is drawn at another width they
/// are made again then.
pub fn prepare(app: &App, walk: &Walkthrough) {
    if super::is_too_small(app.size) {
        return;
    }
    let [_, body, _] = super::bars(Rect::new(0, 0, app.size.0, app.size.1));
    let inner = Boxed::bordered().inner(body);
    if !inner.is_empty() {
        kept_rows(app, walk, inner.width);
    }
}

/// [`rows`], kept while the scan, the width and the language stay.
fn kept_rows(app: &App, walk: &Walkthrough, width: u16) -> Made {
    let key = RowsKey {
        scan: walk.version.key(),
        width,
        catalogue: std::ptr::from_ref(app.text) as usize,
    };
    KEPT.with_borrow_mut(|kept| match kept {
        Some((made_for, made)) if *made_for == key => made.clone(),
        _ => {
            let rows = PARTS.with_borrow_mut(|parts| {
                parts.begin((key.scan.0, key.width, key.catalogue));
                let rows = rows(app, walk, width, parts);
                parts.finish();
                rows
            });
            let set = SETS_MADE.get() + 1;
            SETS_MADE.set(set);
            let made = Made {
                set,
                rows: Rc::new(rows),
            };
            *kept = Some((key, made.clone()));
            made
        }
    })
}

fn rows(app: &App, walk: &Walkthrough, width: u16, parts: &mut Parts) -> Vec<Row> {
    let text = app.text;
    let scan = &walk.scan;
    let framework = &scan.framework;
    let evaluation = super::evaluated::evaluation(walk);
    let mut rows = Vec::new();

    if !evaluation.is_complete() {
        let warning = (text.incomplete)(evaluation.progress.answered, evaluation.progress.total);
        rows.extend(wrapped("! ", &warning, width, Look::Warning, None));
        rows.push(row("", Look::Normal));
    }
    let verdict = (text.verdict)(evaluation.verdict());
    rows.push(Row {
        pieces: Rc::from([
            (format!("{} ", text.summary_verdict), Look::Bold),
            (format!(" {} ", verdict.to_uppercase()), Look::Verdict),
        ]),
        entry: None,
    });
    if let Some(outcome) = &evaluation.override_outcome {
        rows.extend(wrapped(
            "  ",
            &(text.override_outcome)(outcome),
            width,
            Look::Bold,
            None,
        ));
        rows.push(row(
            format!(
                "  {} {}",
                text.summary_computed,
                (text.verdict)(evaluation.computed_verdict)
            ),
            Look::Dim,
        ));
    }
    rows.push(row(text.summary_why, Look::Heading));
    for reason in &evaluation.reasons {
        rows.extend(parts.reasons.take(reason.clone(), || {
            wrapped(
                "  • ",
                &(text.reason)(reason, framework),
                width,
                Look::Normal,
                None,
            )
        }));
    }

    // The theme table: a name column, then one bar per perspective and one for
    // the joint answers.
    rows.push(row("", Look::Normal));
    let max = framework
        .scale
        .levels
        .last()
        .map_or(4.0, |level| f64::from(level.value));
    let name_width: usize = if width >= 110 { 30 } else { 20 };
    let columns = framework.perspectives.len() + 1;
    let column_width = (usize::from(width).saturating_sub(name_width) / columns).max(8);
    let bar_width = column_width.saturating_sub(7).max(1);
    // Column labels wrap rather than being cut ("Jeugdigen en ouders").
    let mut labels: Vec<Vec<String>> =
        vec![super::wrap::wrap_words(text.summary_themes, name_width - 1)];
    labels.extend(
        framework
            .perspectives
            .iter()
            .map(|perspective| super::wrap::wrap_words(&perspective.label, column_width - 1)),
    );
    labels.push(super::wrap::wrap_words(
        text.label_consensus,
        column_width - 1,
    ));
    let header_rows = labels.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..header_rows {
        let pieces = labels
            .iter()
            .enumerate()
            .map(|(column, label)| {
                let width = if column == 0 {
                    name_width
                } else {
                    column_width
                };
                let part = label.get(line).map_or("", String::as_str);
                (format!("{part:<width$}"), Look::Heading)
            })
            .collect();
        rows.push(Row {
            pieces,
            entry: None,
        });
    }
    for (theme, result) in framework.themes.iter().zip(&evaluation.themes) {
        let scores = (
            result
                .perspective_means
                .iter()
                .map(|mean| mean.mean)
                .collect(),
            result.score,
        );
        rows.extend(parts.themes.take(scores, || {
            theme_rows(
                theme,
                result,
                app,
                max,
                (name_width, column_width, bar_width),
            )
        }));
    }
    let total = evaluation
        .total
        .map_or_else(|| "–".to_string(), |total| (text.number)(total));
    rows.push(row(format!("{} {total}", text.summary_total), Look::Bold));

    let entries = entries(&evaluation, scan);
    rows.push(row("", Look::Normal));
    rows.push(row(
        format!(
            "{} ({})",
            text.summary_attention,
            evaluation.attention.len()
        ),
        Look::Heading,
    ));
    if evaluation.attention.is_empty() {
        rows.push(row(format!("  {}", text.summary_no_attention), Look::Dim));
    }
    for (position, (entry, _)) in entries.iter().enumerate() {
        if let Entry::Attention(index) = entry {
            let point = &evaluation.attention[*index];
            let disagreement = matches!(point, AttentionPoint::Criterion { reasons, .. }
                if reasons.iter().any(|r| matches!(r, AttentionReason::NoConsensus | AttentionReason::PerspectiveGap { .. })));
            let mark = if disagreement { "≠ " } else { "! " };
            rows.extend(parts.attention.take((point.clone(), position), || {
                wrapped(
                    &format!("  {mark}"),
                    &(text.attention)(point, framework),
                    width,
                    Look::Normal,
                    Some(position),
                )
            }));
        }
    }
    // The parking lot first (what the group set aside on purpose), then
    // whatever is still open.
    let parked = entries
        .iter()
        .filter(|(entry, _)| *entry == Entry::Parked)
        .count();
    for (kind, heading, count) in [
        (Entry::Parked, text.summary_parked, parked),
        (
            Entry::Unanswered,
            text.summary_unanswered,
            evaluation.unanswered.len() - parked,
        ),
    ] {
        if kind == Entry::Parked && count == 0 {
            continue;
        }
        rows.push(row("", Look::Normal));
        rows.push(row(format!("{heading} ({count})"), Look::Heading));
        if count == 0 {
            rows.push(row(format!("  {}", text.all_answered), Look::Dim));
        }
        list_criteria(&mut rows, scan, &entries, kind);
    }
    rows
}

/// One row per entry of `kind`, leading to its criterion.
fn list_criteria(rows: &mut Vec<Row>, scan: &Scan, entries: &[(Entry, usize)], kind: Entry) {
    let framework = &scan.framework;
    for (position, (entry, target)) in entries.iter().enumerate() {
        if *entry == kind
            && let Some(criterion) = framework.criterion_at(*target)
        {
            let mark = crate::tui::view::walkthrough::status_mark(scan.answers[*target].status());
            rows.push(Row {
                pieces: Rc::from([(
                    format!(
                        "  {mark} {} {}",
                        criterion.criterion.id, criterion.criterion.title
                    ),
                    Look::Normal,
                )]),
                entry: Some(position),
            });
        }
    }
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App, walk: &Walkthrough, styles: &Styles) {
    let text = app.text;
    let selected = match walk.mode {
        WalkMode::Summary { selected } => selected,
        _ => None,
    };
    let block = Boxed::bordered().title(Span::styled(
        format!(" {} · {} ", text.summary_title, walk.scan.meta.region),
        styles.title,
    ));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let made = kept_rows(app, walk, inner.width);
    let rows = &made.rows;
    // Scroll only as far as needed to show the whole selected entry.
    let height = usize::from(inner.height);
    let last_selected_row =
        selected.and_then(|selected| rows.iter().rposition(|row| row.entry == Some(selected)));
    let offset = last_selected_row.map_or(0, |last| (last + 1).saturating_sub(height));
    let lines: Vec<Line> = rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|row| {
            let chosen = row.entry.is_some() && row.entry == selected;
            let spans = row
                .pieces
                .iter()
                .map(|(piece, look)| {
                    let style = match look {
                        Look::Normal => Style::default(),
                        Look::Bold | Look::Heading => styles.bold,
                        Look::Verdict => styles.selected,
                        Look::Warning => styles.warning,
                        Look::Dim => styles.dim,
                    };
                    Span::styled(piece.as_str(), if chosen { styles.selected } else { style })
                })
                .collect::<Vec<_>>();
            Line::from(spans)
        })
        .collect();
    // Kept rows, known by their set and place: opened again from the
    // criteria, the screen takes them from its last frame (`screen/kept.rs`)
    // instead of drawing them. What they leave blank is told: where the
    // criteria left it blank too, it is not compared.
    frame.render_widget(Rows::new(lines).kept_as(made.set, offset), inner);
}
