//! The walkthrough screen: the criteria list on the left, the current
//! criterion with its fields on the right. `layout` is shared with `update`,
//! which needs the size of the note being edited.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::style::Styles;
use crate::model::{Answer, CriterionStatus, Framework};
use crate::tui::app::{AgendaPart, App, Field, Side, WalkMode, Walkthrough};
use crate::tui::text_edit::{self, TextCursor, Viewport};
use crate::tui::update::note_text;

use super::navigator::{draw_navigator, kept_navigator_width, navigator_offset, navigator_rows};

mod detail;

/// The narrowest label column left of each field.
const LABEL_WIDTH: u16 = 17;

/// The label column: wide enough for the longest perspective label (the
/// marker, the label, a space), so "Jeugdigen en ouders" is never cut and
/// never runs into the scale; at most half of the panel.
fn label_width(framework: &Framework, inner_width: u16) -> u16 {
    let longest = framework
        .perspectives
        .iter()
        .map(|perspective| unicode_width::UnicodeWidthStr::width(perspective.label.as_str()))
        .max()
        .unwrap_or(0);
    let wanted = u16::try_from(longest + 2).unwrap_or(u16::MAX);
    wanted.clamp(LABEL_WIDTH, (inner_width / 2).max(LABEL_WIDTH))
}

/// Where everything goes on the walkthrough screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkLayout {
    pub navigator: Rect,
    pub detail: Rect,
    /// Description and guiding questions.
    pub criterion_text: Rect,
    /// The meaning of the focused field's level, or the scale's legend.
    pub scale_meaning: Rect,
    /// Width of the label column left of each field.
    pub label_width: u16,
    /// Each field with the area of its value (right of the label).
    pub fields: Vec<(Field, Rect)>,
}

/// How many rows `text` takes wrapped at `width`, counting at most `cap`.
fn rows_needed(text: &str, width: u16, cap: u16) -> u16 {
    if text.is_empty() || cap == 0 {
        return 1;
    }
    let shown = text_edit::visible(
        text,
        &TextCursor::default(),
        Viewport { width, height: cap },
    );
    (shown.rows.len() as u16).max(1)
}

/// The criterion's description followed by its questions, as drawn.
fn criterion_text(framework: &Framework, index: usize) -> String {
    let Some(entry) = framework.criterion_at(index) else {
        return String::new();
    };
    let mut text = entry.criterion.description.clone();
    for question in &entry.criterion.questions {
        text.push_str("\n• ");
        text.push_str(question);
    }
    text
}

/// A field with a separator row above it: the joint answer and the agenda.
fn starts_section(field: Field) -> bool {
    matches!(
        field,
        Field::Score(Side::Consensus) | Field::Agenda(AgendaPart::AmbitionLevel)
    )
}

/// Lays out the walkthrough in `body`.
pub fn layout(body: Rect, walk: &Walkthrough) -> WalkLayout {
    let navigator = Rect {
        width: kept_navigator_width(walk, body.width),
        ..body
    };
    let detail = Rect {
        x: body.x + navigator.width,
        width: body.width.saturating_sub(navigator.width),
        ..body
    };
    // Inside the detail block's border.
    let inner = Rect {
        x: detail.x + 1,
        y: detail.y + 1,
        width: detail.width.saturating_sub(2),
        height: detail.height.saturating_sub(2),
    };
    let answer = &walk.scan.answers[walk.current];
    let mut all_fields = Field::walk(walk.scan.framework.perspectives.len(), answer.actions.len());
    // An empty agenda (no ambition, no action) shows one row until the focus
    // goes there, so it never pushes what the group wrote out of view.
    let agenda_empty = answer.ambition.is_none() && answer.actions.is_empty();
    if agenda_empty && !matches!(walk.focus, Field::Agenda(_)) {
        all_fields.retain(
            |field| !matches!(field, Field::Agenda(part) if *part != AgendaPart::AmbitionLevel),
        );
    }
    let label_width = label_width(&walk.scan.framework, inner.width);
    let value_width = inner.width.saturating_sub(label_width);
    // One row per choice field and per text field, plus the separator rows.
    let rows_for = |fields: &[Field]| {
        fields.len() as u16 + fields.iter().filter(|f| starts_section(**f)).count() as u16
    };
    let text = criterion_text(&walk.scan.framework, walk.current);
    let wanted_text_rows = rows_needed(&text, inner.width, inner.height);
    let answer_rows = rows_for(&Field::all(walk.scan.framework.perspectives.len()));
    // The legend takes a second row only where the criterion text keeps its own.
    let spare = inner
        .height
        .saturating_sub(answer_rows + 1 + 3)
        .saturating_sub(wanted_text_rows);
    // While typing a note the legend yields its rows to the note.
    let meaning_rows = if walk.mode == WalkMode::Editing {
        0
    } else {
        super::scale_legend::rows_wanted(walk, inner.width).min(spare.max(1))
    };
    // The criterion text yields room to the answer fields, but always keeps
    // 3 rows; the agenda part gets what is left (and scrolls into view when
    // the focus goes there), so the guiding questions stay readable.
    let text_rows = wanted_text_rows.min(
        inner
            .height
            .saturating_sub(answer_rows + meaning_rows + 1 + 3)
            .max(3),
    );
    // When the fields do not all fit (the agenda has grown), show the ones
    // around the focus: the earliest go first, the focus always stays.
    let room = inner.height.saturating_sub(text_rows + meaning_rows + 1);
    // (A focus this criterion lacks, left by the projector's paging, counts as none.)
    let focus_here = all_fields.contains(&walk.focus);
    let mut fields = all_fields;
    while rows_for(&fields) > room && fields.len() > 1 && focus_here && fields[0] != walk.focus {
        fields.remove(0);
    }
    while rows_for(&fields) > room && fields.len() > 1 {
        fields.pop();
    }
    // A note of the answer part being read or typed comes before the agenda
    // rows: they make way (from the bottom) for the rows it needs, and come
    // back when the focus moves on.
    if walk.focus.is_text() && !matches!(walk.focus, Field::Agenda(_)) {
        let wanted = if walk.mode == WalkMode::Editing {
            u16::MAX
        } else {
            note_text(answer, walk.focus)
                .map_or(1, |text| rows_needed(text, value_width, room))
                .saturating_sub(1)
        };
        while rows_for(&fields).saturating_add(wanted) > room
            && fields.last().is_some_and(|f| matches!(f, Field::Agenda(_)))
        {
            fields.pop();
        }
    }
    let minimum_fields = rows_for(&fields);
    let criterion_text = Rect {
        height: text_rows.min(inner.height),
        ..inner
    };
    let scale_meaning = Rect {
        y: inner.y + text_rows,
        height: meaning_rows.min(inner.height.saturating_sub(text_rows)),
        ..inner
    };
    let fields_top = inner.y + text_rows + meaning_rows + 1;
    let available = inner.bottom().saturating_sub(fields_top);
    let mut extra = available.saturating_sub(minimum_fields);

    // Every text field shows one row; the focused one grows first, the others
    // then share what is left, a row at a time, up to what they need.
    let mut heights: Vec<u16> = vec![1; fields.len()];
    let needed: Vec<u16> = fields
        .iter()
        .map(|field| {
            note_text(answer, *field).map_or(1, |text| rows_needed(text, value_width, available))
        })
        .collect();
    if let Some(position) = fields.iter().position(|f| *f == walk.focus && f.is_text()) {
        let grow = if walk.mode == WalkMode::Editing {
            extra
        } else {
            needed[position].saturating_sub(1).min(extra)
        };
        heights[position] += grow;
        extra -= grow;
    }
    while extra > 0 {
        let mut grew = false;
        for (index, field) in fields.iter().enumerate() {
            if extra > 0 && field.is_text() && heights[index] < needed[index] {
                heights[index] += 1;
                extra -= 1;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }

    let mut y = fields_top;
    let mut placed = Vec::with_capacity(fields.len());
    for (field, height) in fields.iter().zip(heights) {
        if starts_section(*field) {
            y += 1; // the separator before the joint answer and before the agenda
        }
        let height = height.min(inner.bottom().saturating_sub(y));
        placed.push((
            *field,
            Rect {
                x: inner.x + label_width,
                y,
                width: value_width,
                height,
            },
        ));
        y += height;
    }
    WalkLayout {
        navigator,
        detail,
        criterion_text,
        scale_meaning,
        label_width,
        fields: placed,
    }
}

/// The size of the focused text field, for cursor movement and scrolling.
pub fn focused_text_viewport(size: (u16, u16), walk: &Walkthrough) -> Viewport {
    let layout = layout(super::body_area(size), walk);
    layout
        .fields
        .iter()
        .find(|(field, _)| *field == walk.focus)
        .map_or(
            Viewport {
                width: 40,
                height: 3,
            },
            |(_, area)| Viewport {
                width: area.width.max(1),
                height: area.height.max(1),
            },
        )
}

pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    walk: &Walkthrough,
    styles: &Styles,
) -> Option<Position> {
    let layout = layout(body, walk);
    draw_navigator(frame, layout.navigator, app, walk, styles);
    detail::draw_detail(frame, &layout, app, walk, styles)
}

/// The mark for a criterion's status; never colour alone.
pub fn status_mark(status: CriterionStatus) -> &'static str {
    match status {
        CriterionStatus::Open => "·",
        CriterionStatus::Answered => "○",
        CriterionStatus::Consensus => "✓",
        CriterionStatus::NoConsensus => "≠",
        CriterionStatus::Skipped => "»",
    }
}

/// What a click at (`column`, `row`) on the walkthrough means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A criterion in the list.
    Criterion(usize),
    /// A field of the current criterion (its label or an empty part).
    Field(Field),
    /// An option of a score field.
    Score(Side, Option<Answer>),
    /// An option of the agreement field.
    Agreement(crate::model::Agreement),
}

/// Finds what is at a screen position, with the same geometry as drawing.
pub fn hit(size: (u16, u16), walk: &Walkthrough, app: &App, column: u16, row: u16) -> Option<Hit> {
    let layout = layout(super::body_area(size), walk);
    let inside = |area: Rect| {
        column >= area.x && column < area.right() && row >= area.y && row < area.bottom()
    };
    if inside(layout.navigator) {
        // The list starts one row down (its title) and ends before the border.
        let list_top = layout.navigator.y + 1;
        let height = layout.navigator.height.saturating_sub(1);
        let width = layout.navigator.width.saturating_sub(1);
        let index = usize::from(row.checked_sub(list_top)?) + navigator_offset(walk, width, height);
        return navigator_rows(walk, width, index..index + 1)
            .rows
            .first()
            .and_then(|row| row.criterion)
            .map(Hit::Criterion);
    }
    for (field, area) in &layout.fields {
        let label_x = area.x.saturating_sub(layout.label_width);
        if row < area.y || row >= area.bottom() || column < label_x || column >= area.right() {
            continue;
        }
        if column >= area.x && row == area.y {
            let offset = column - area.x;
            match field {
                Field::Score(side) => {
                    let options = score_options(&walk.scan.framework, app);
                    if let Some((answer, _, _)) = options
                        .iter()
                        .find(|(_, start, width)| offset >= *start && offset < start + width)
                    {
                        return Some(Hit::Score(*side, Some(*answer)));
                    }
                }
                Field::Agreement if !agreement_is_compact(&walk.scan.framework, area.width) => {
                    let mut start = 0;
                    for level in crate::model::Agreement::ALL {
                        let width = agreement_option_width(&walk.scan.framework, level);
                        if offset >= start && offset < start + width {
                            return Some(Hit::Agreement(level));
                        }
                        start += width;
                    }
                }
                _ => {}
            }
        }
        return Some(Hit::Field(*field));
    }
    None
}

/// The options of a score row: the answer, its first column and its width,
/// as `score_line` draws them (" 1 " or "[1]").
fn score_options(framework: &Framework, app: &App) -> Vec<(Answer, u16, u16)> {
    let mut options: Vec<(Answer, String)> = framework
        .scale
        .levels
        .iter()
        .map(|level| (Answer::Score(level.value), level.value.to_string()))
        .collect();
    options.push((Answer::Unknown, app.text.unknown_short.to_string()));
    options.push((
        Answer::NotApplicable,
        app.text.not_applicable_short.to_string(),
    ));
    let mut start = 0;
    options
        .into_iter()
        .map(|(answer, label)| {
            let width = label.chars().count() as u16 + 2;
            let option = (answer, start, width);
            start += width;
            option
        })
        .collect()
}

fn agreement_option_width(framework: &Framework, level: crate::model::Agreement) -> u16 {
    // "[n Label]" or " n Label ": the label, the digit, a space and two edges.
    framework.agreement_label(level).chars().count() as u16 + 4
}

fn agreement_is_compact(framework: &Framework, width: u16) -> bool {
    let full: u16 = crate::model::Agreement::ALL
        .iter()
        .map(|level| agreement_option_width(framework, *level))
        .sum();
    full > width
}
