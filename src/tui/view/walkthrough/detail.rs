//! The walkthrough's right side: the criterion with its text and the
//! scale's meaning, each field with its label and value, the separators,
//! and what is left blank below the last field.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::boxed::Boxed;
use super::super::rows::Rows;
use super::super::style::Styles;
use super::{WalkLayout, agreement_is_compact, criterion_text};
use crate::model::{Answer, Framework};
use crate::tui::app::{AgendaPart, App, Field, Side, WalkMode, Walkthrough};
use crate::tui::text_edit::{self, TextCursor, Viewport};
use crate::tui::update::{answer_slot, note_text};

pub(super) fn draw_detail(
    frame: &mut Frame,
    layout: &WalkLayout,
    app: &App,
    walk: &Walkthrough,
    styles: &Styles,
) -> Option<Position> {
    let text = app.text;
    let framework = &walk.scan.framework;
    let entry = framework.criterion_at(walk.current)?;
    // A long title ends on a whole word here; the list shows it in full.
    let critical = entry
        .criterion
        .critical
        .then(|| format!("[{}] ", text.critical));
    let critical_width = critical.as_deref().map_or(0, |c| c.chars().count());
    let title_room =
        usize::from(layout.detail.width.saturating_sub(2)).saturating_sub(critical_width + 1);
    let mut title = vec![Span::styled(
        format!(
            "{} ",
            super::super::wrap::fit_words(
                &format!(" {} · {}", entry.criterion.id, entry.criterion.title),
                title_room
            )
        ),
        styles.title,
    )];
    if let Some(critical) = critical {
        title.push(Span::styled(critical, styles.warning));
    }
    if let Some(badge) = super::super::many::previous_badge(walk, text) {
        title.push(Span::styled(format!("· {badge} "), styles.dim));
    }
    // The countdown left in the bottom border, the position right; the
    // theme's name yields when both do not fit.
    let mut clock_spans = Vec::new();
    if let Some((clock, over)) = super::super::criterion_clock(app, walk) {
        let clock_style = if over { styles.warning } else { styles.dim };
        clock_spans.push(Span::styled(format!(" {clock} "), clock_style));
    }
    if app.timebox.clock
        && let Some(behind) = walk.clocks().behind
    {
        clock_spans.push(Span::styled(
            format!(
                "· {} ",
                (text.clock_behind)(crate::model::timebox::whole_minutes(behind))
            ),
            styles.warning,
        ));
    }
    let clock_width: usize = clock_spans.iter().map(Span::width).sum();
    let counter = format!(" · {}/{} ", walk.current + 1, walk.scan.answers.len());
    let room = usize::from(layout.detail.width.saturating_sub(4))
        .saturating_sub(clock_width + counter.chars().count() + 1);
    let theme = format!("{} {}", entry.theme.id, entry.theme.title);
    let position = if room < entry.theme.id.chars().count() + 2 {
        format!(" {}/{} ", walk.current + 1, walk.scan.answers.len())
    } else {
        format!(" {}{counter}", super::super::wrap::fit_words(&theme, room))
    };
    let block = Boxed::bordered()
        .title(Line::from(title))
        .title_bottom_left(Line::from(clock_spans))
        .title_bottom_right(Line::from(position));
    frame.render_widget(block, layout.detail);

    let criterion = criterion_text(framework, walk.current);
    text_edit::render(
        &criterion,
        &TextCursor::default(),
        layout.criterion_text,
        frame.buffer_mut(),
        styles.normal,
        false,
    );
    super::super::scale_legend::draw(frame, layout.scale_meaning, walk, styles);

    let answer = &walk.scan.answers[walk.current];
    let mut cursor = None;
    for (field, area) in &layout.fields {
        let focused = *field == walk.focus && !matches!(walk.mode, WalkMode::Navigator { .. });
        let label_area = Rect {
            x: area.x.saturating_sub(layout.label_width),
            width: layout.label_width.min(area.x),
            height: 1,
            ..*area
        };
        let mut label = field_label(*field, framework, app);
        if crate::tui::update::note_is_private(answer, *field) {
            label = format!("{label} {}", text.private_mark);
        }
        let label_style = if focused {
            styles.selected
        } else {
            styles.bold
        };
        let marker = if focused { "▶" } else { " " };
        frame.render_widget(
            Rows::new(format!("{marker}{label}"))
                .style(label_style)
                .kept(),
            label_area,
        );
        match field {
            Field::Score(side) => {
                let mut line = score_line(
                    framework,
                    answer_slot(answer, *side),
                    area.width,
                    app,
                    styles,
                );
                line.spans.extend(super::super::many::conflict_mark(
                    walk, *field, text, styles,
                ));
                frame.render_widget(Rows::new(line).kept(), *area);
            }
            Field::Agreement => {
                let mut line = agreement_line(framework, answer.agreement, area.width, styles);
                line.spans.extend(super::super::many::conflict_mark(
                    walk, *field, text, styles,
                ));
                frame.render_widget(Rows::new(line).kept(), *area);
            }
            Field::Agenda(part) if !field.is_text() => {
                let line =
                    super::super::actions::agenda_value_line(framework, answer, *part, app, styles);
                frame.render_widget(Rows::new(line).kept(), *area);
            }
            Field::Note(_) | Field::Agenda(_) => {
                let note = note_text(answer, *field).map_or("", String::as_str);
                let editing = focused && walk.mode == WalkMode::Editing;
                if note.is_empty()
                    && !editing
                    && let Some(mark) =
                        super::super::many::conflict_mark(walk, *field, text, styles)
                {
                    frame.render_widget(Rows::new(Line::from(mark)).kept(), *area);
                    continue;
                }
                if note.is_empty() && !editing {
                    frame.render_widget(Rows::new(text.empty_note).style(styles.dim).kept(), *area);
                    continue;
                }
                let shown_cursor = if editing {
                    walk.cursor.clone()
                } else {
                    TextCursor::default()
                };
                let style = if editing {
                    styles.normal
                } else {
                    Style::default()
                };
                draw_more_markers(frame, note, &shown_cursor, *area, app, styles);
                let position = text_edit::render(
                    note,
                    &shown_cursor,
                    *area,
                    frame.buffer_mut(),
                    style,
                    editing,
                );
                if editing {
                    cursor = position;
                }
            }
        }
    }
    // Below the last field the box is left blank.
    let drawn_to = layout
        .fields
        .iter()
        .map(|(_, area)| area.bottom())
        .chain([
            layout.criterion_text.bottom(),
            layout.scale_meaning.bottom(),
        ])
        .max()
        .unwrap_or(layout.detail.y);
    for y in drawn_to..layout.detail.bottom().saturating_sub(1) {
        crate::tui::screen::kept::blank(frame.buffer_mut(), rule_area(layout, y));
    }
    // The separator above the agenda part.
    if let Some((_, first)) = layout
        .fields
        .iter()
        .find(|(field, _)| *field == Field::Agenda(AgendaPart::AmbitionLevel))
    {
        let rule = format!("── {} ", text.agenda.part_rule);
        draw_rule(
            frame,
            rule_area(layout, first.y.saturating_sub(1)),
            rule,
            styles,
        );
    }
    // The separator between the perspectives and the joint answer.
    if let Some((_, consensus)) = layout
        .fields
        .iter()
        .find(|(field, _)| *field == Field::Score(Side::Consensus))
    {
        // With no consensus the joint score does not count; say so where the
        // joint answer starts, so nobody reads it as agreed.
        let rule = if answer.agreement == Some(crate::model::Agreement::NoConsensus) {
            format!(
                "── {} ({}) ",
                text.joint_answer_rule, text.no_consensus_counts_lowest
            )
        } else {
            format!("── {} ", text.joint_answer_rule)
        };
        draw_rule(
            frame,
            rule_area(layout, consensus.y.saturating_sub(1)),
            rule,
            styles,
        );
    }
    cursor
}

/// Row `y` of the detail box, inside its border.
fn rule_area(layout: &WalkLayout, y: u16) -> Rect {
    Rect {
        x: layout.detail.x + 1,
        y,
        width: layout.detail.width.saturating_sub(2),
        height: 1,
    }
}

/// A separator: `rule`, then a line to the end of `area`.
fn draw_rule(frame: &mut Frame, area: Rect, rule: String, styles: &Styles) {
    let fill = usize::from(area.width).saturating_sub(rule.chars().count());
    frame.render_widget(
        Rows::new(format!("{rule}{}", "─".repeat(fill)))
            .style(styles.dim)
            .kept(),
        area,
    );
}

/// Says in the label column when a note has more text above or below what
/// fits, so a cut-off note never looks complete.
fn draw_more_markers(
    frame: &mut Frame,
    note: &str,
    cursor: &TextCursor,
    area: Rect,
    app: &App,
    styles: &Styles,
) {
    let shown = text_edit::visible(note, cursor, Viewport::from(area));
    let marker_area = |y: u16, text: &str| {
        let width = text.chars().count() as u16;
        Rect {
            x: area.x.saturating_sub(width + 1),
            y,
            width,
            height: 1,
        }
    };
    if area.height == 1 {
        // One row: the label shares it, so a single arrow says it without
        // covering the label ("toelichting" stays whole).
        let arrow = match (shown.more_above, shown.more_below) {
            (true, true) => "↕",
            (true, false) => "↑",
            (false, true) => "↓",
            (false, false) => return,
        };
        frame.render_widget(
            Rows::new(arrow).style(styles.warning),
            marker_area(area.y, arrow),
        );
        return;
    }
    if shown.more_above {
        let text = app.text.more_above;
        frame.render_widget(
            Rows::new(text).style(styles.warning),
            marker_area(area.y, text),
        );
    }
    if shown.more_below {
        let text = app.text.more_below;
        let y = area.bottom().saturating_sub(1);
        frame.render_widget(Rows::new(text).style(styles.warning), marker_area(y, text));
    }
}

fn field_label(field: Field, framework: &Framework, app: &App) -> String {
    let text = app.text;
    match field {
        Field::Score(Side::Perspective(index)) => framework
            .perspectives
            .get(index)
            .map_or_else(String::new, |p| p.label.clone()),
        Field::Note(Side::Perspective(_)) => text.label_note.to_string(),
        Field::Score(Side::Consensus) => text.label_consensus.to_string(),
        Field::Agreement => text.label_agreement.to_string(),
        Field::Note(Side::Consensus) => text.label_consensus_note.to_string(),
        Field::Agenda(part) => super::super::actions::agenda_label(part, app),
    }
}

/// The scale as a row of options with the chosen one in brackets and the
/// label of the chosen one after it: ` 1  2 [3] 4  onb. n.v.t.  Op orde`.
/// The label is left out rather than cut when it does not fit whole; the
/// legend above the fields says it in full for the focused field.
fn score_line<'a>(
    framework: &'a Framework,
    chosen: Option<Answer>,
    width: u16,
    app: &App,
    styles: &Styles,
) -> Line<'a> {
    let mut spans = Vec::new();
    // Brackets mark the choice, so it reads without colour too.
    let option = |label: String, is_chosen: bool| {
        if is_chosen {
            Span::styled(format!("[{label}]"), styles.chosen)
        } else {
            Span::raw(format!(" {label} "))
        }
    };
    for level in &framework.scale.levels {
        spans.push(option(
            level.value.to_string(),
            chosen == Some(Answer::Score(level.value)),
        ));
    }
    spans.push(option(
        app.text.unknown_short.to_string(),
        chosen == Some(Answer::Unknown),
    ));
    spans.push(option(
        app.text.not_applicable_short.to_string(),
        chosen == Some(Answer::NotApplicable),
    ));
    let meaning = match chosen {
        Some(Answer::Score(value)) => framework
            .scale_level(value)
            .map_or_else(String::new, |level| level.label.clone()),
        Some(Answer::Unknown) => framework.scale.unknown.label.clone(),
        Some(Answer::NotApplicable) => framework.scale.not_applicable.label.clone(),
        None => String::new(),
    };
    let used: usize = spans.iter().map(Span::width).sum();
    let label = format!(" {meaning}");
    if used + unicode_width::UnicodeWidthStr::width(label.as_str()) <= usize::from(width) {
        spans.push(Span::styled(label, styles.bold));
    }
    Line::from(spans)
}

/// The three agreement levels with the chosen one in brackets; when they do
/// not fit, only the chosen one between arrows.
fn agreement_line<'a>(
    framework: &'a Framework,
    chosen: Option<crate::model::Agreement>,
    width: u16,
    styles: &Styles,
) -> Line<'a> {
    if agreement_is_compact(framework, width) {
        let (number, label) = chosen.map_or((String::new(), "–"), |level| {
            let number = crate::model::Agreement::ALL
                .iter()
                .position(|l| *l == level)
                .map_or(0, |p| p + 1);
            (format!("{number} "), framework.agreement_label(level))
        });
        return Line::from(vec![
            Span::raw("‹ "),
            Span::styled(format!("[{number}{label}]"), styles.chosen),
            Span::raw(" ›"),
        ]);
    }
    let spans = crate::model::Agreement::ALL
        .iter()
        .enumerate()
        .map(|(index, level)| {
            let label = format!("{} {}", index + 1, framework.agreement_label(*level));
            if chosen == Some(*level) {
                Span::styled(format!("[{label}]"), styles.chosen)
            } else {
                Span::raw(format!(" {label} "))
            }
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}
