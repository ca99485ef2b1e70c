//! The scale's meaning while scoring, in one or two rows above the fields of
//! the walkthrough: the level of the focused field with its label and
//! meaning, or, while nothing is chosen there, every level with its label.
//! The room reads what "4" means without opening the help.

use std::cell::RefCell;
use std::rc::Rc;

use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::style::Styles;
use crate::model::{Agreement, Answer, Framework};
use crate::tui::app::{Field, Walkthrough};
use crate::tui::update::answer_slot;

/// At most this many rows, so the criterion text and the fields keep theirs.
const MAX_ROWS: u16 = 2;

/// What the legend says: a label in bold and the words after it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Legend {
    label: String,
    rest: String,
}

/// The legend for the focused field of the current criterion.
fn legend(walk: &Walkthrough) -> Legend {
    let framework = &walk.scan.framework;
    let answer = &walk.scan.answers[walk.current];
    match walk.focus {
        Field::Agreement => match answer.agreement {
            Some(level) => agreement_meaning(framework, level),
            None => Legend {
                label: String::new(),
                rest: agreement_levels(framework),
            },
        },
        Field::Score(side) => match answer_slot(answer, side) {
            Some(chosen) => level_meaning(framework, chosen),
            None => Legend {
                label: String::new(),
                rest: scale_levels(framework),
            },
        },
        Field::Note(_) | Field::Agenda(_) => Legend {
            label: String::new(),
            rest: scale_levels(framework),
        },
    }
}

/// "1 Afwezig · 2 Beperkt · 3 Deels · 4 Grotendeels · 5 Volledig", with a
/// no-break space so a number never wraps away from its label.
fn scale_levels(framework: &Framework) -> String {
    framework
        .scale
        .levels
        .iter()
        .map(|level| format!("{}\u{a0}{}", level.value, level.label))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "1 Consensus · 2 Consensus met voorbehoud · 3 Geen consensus".
fn agreement_levels(framework: &Framework) -> String {
    Agreement::ALL
        .iter()
        .enumerate()
        .map(|(index, level)| format!("{}\u{a0}{}", index + 1, framework.agreement_label(*level)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn with_meaning(label: String, meaning: &str) -> Legend {
    let rest = if meaning.is_empty() {
        String::new()
    } else {
        format!(" — {meaning}")
    };
    Legend { label, rest }
}

fn level_meaning(framework: &Framework, chosen: Answer) -> Legend {
    match chosen {
        Answer::Score(value) => framework.scale_level(value).map_or_else(
            || Legend {
                label: value.to_string(),
                rest: String::new(),
            },
            |level| with_meaning(format!("{value} {}", level.label), &level.meaning),
        ),
        Answer::Unknown => with_meaning(
            framework.scale.unknown.label.clone(),
            &framework.scale.unknown.meaning,
        ),
        Answer::NotApplicable => with_meaning(
            framework.scale.not_applicable.label.clone(),
            &framework.scale.not_applicable.meaning,
        ),
    }
}

fn agreement_meaning(framework: &Framework, level: Agreement) -> Legend {
    let number = Agreement::ALL
        .iter()
        .position(|l| *l == level)
        .map_or(0, |p| p + 1);
    let meaning = framework
        .agreement_levels
        .iter()
        .find(|def| def.level == level)
        .map_or("", |def| def.meaning.as_str());
    with_meaning(
        format!("{number} {}", framework.agreement_label(level)),
        meaning,
    )
}

/// What the legend is made from: the framework (one per opened scan), the
/// focused field and what is chosen there.
#[derive(Clone, Copy, PartialEq, Eq)]
struct LegendKey {
    framework: u64,
    focus: Field,
    chosen: Option<Chosen>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Chosen {
    Score(Answer),
    Agreement(Agreement),
}

fn legend_key(walk: &Walkthrough) -> LegendKey {
    let answer = &walk.scan.answers[walk.current];
    let chosen = match walk.focus {
        Field::Agreement => answer.agreement.map(Chosen::Agreement),
        Field::Score(side) => answer_slot(answer, side).map(Chosen::Score),
        Field::Note(_) | Field::Agenda(_) => None,
    };
    LegendKey {
        framework: walk.version.key().0,
        focus: walk.focus,
        chosen,
    }
}

/// The legend and its rows, kept while what they are made from stays: a
/// frame asks twice (the layout, then drawing), and moving to the next
/// criterion mostly keeps them.
type Kept = (LegendKey, u16, u16, Rc<(Legend, Vec<String>)>);

thread_local! {
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

/// The legend, and it as at most `max_rows` rows of `width` columns.
fn kept_rows(walk: &Walkthrough, width: u16, max_rows: u16) -> Rc<(Legend, Vec<String>)> {
    let key = legend_key(walk);
    KEPT.with_borrow_mut(|kept| {
        if let Some((.., made)) = kept
            .iter()
            .find(|(made_for, w, m, _)| (*made_for, *w, *m) == (key, width, max_rows))
        {
            return Rc::clone(made);
        }
        let legend = legend(walk);
        let rows = rows(&legend, width, max_rows);
        let made = Rc::new((legend, rows));
        // A frame asks with two sizes at most.
        if kept.len() >= 2 {
            kept.remove(0);
        }
        kept.push((key, width, max_rows, Rc::clone(&made)));
        made
    })
}

/// The legend as at most `max_rows` rows of `width` columns, cut at whole words.
fn rows(legend: &Legend, width: u16, max_rows: u16) -> Vec<String> {
    let text = format!("{}{}", legend.label, legend.rest);
    let mut rows = super::wrap::wrap_words(&text, usize::from(width));
    let max_rows = usize::from(max_rows.max(1));
    if rows.len() > max_rows {
        let last = rows[max_rows - 1..].join(" ");
        rows.truncate(max_rows - 1);
        rows.push(super::wrap::fit_words(&last, usize::from(width)));
    }
    rows
}

/// How many rows the legend takes at `width`: one or two.
pub fn rows_wanted(walk: &Walkthrough, width: u16) -> u16 {
    u16::try_from(kept_rows(walk, width, MAX_ROWS).1.len())
        .unwrap_or(MAX_ROWS)
        .clamp(1, MAX_ROWS)
}

pub fn draw(frame: &mut Frame, area: Rect, walk: &Walkthrough, styles: &Styles) {
    let made = kept_rows(walk, area.width, area.height);
    let (legend, rows) = &*made;
    let label_width = legend.label.chars().count();
    let mut consumed = 0;
    let lines: Vec<Line> = rows
        .iter()
        .map(|row| {
            // The label is bold where it falls on this row.
            let row_chars = row.chars().count();
            let bold = label_width.saturating_sub(consumed).min(row_chars);
            consumed += row_chars + 1;
            let split = row
                .char_indices()
                .nth(bold)
                .map_or(row.len(), |(index, _)| index);
            Line::from(vec![
                Span::styled(row[..split].to_string(), styles.bold),
                Span::styled(row[split..].to_string(), styles.normal),
            ])
        })
        .collect();
    frame.render_widget(Rows::new(lines).on_base(), area);
}
