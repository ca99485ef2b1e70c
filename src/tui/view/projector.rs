//! The projector view: the current criterion alone, large and high-contrast,
//! for the back of the room: the title in big glyphs where the terminal is
//! large enough, the questions, and the scale's legend at the bottom while
//! the group scores. The recorded scores and notes appear only when the
//! facilitator shows them, and a note marked private never does.

use super::rows::Rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::style::Styles;
use crate::model::{Agreement, Answer, Framework};
use crate::tui::app::Side;
use crate::tui::app::{App, Walkthrough};
use crate::tui::update::answer_slot;

/// Never wider than this, so lines stay easy to follow on a wide screen.
const MAX_TEXT_WIDTH: u16 = 100;

/// A big glyph (quadrant pixels of an 8x8 font) takes 4 columns and 4 rows.
const BIG_GLYPH: u16 = 4;
/// The title goes big on at most this many rows of glyphs, and only on a
/// terminal at least this tall, so the questions and the legend keep room.
const BIG_TITLE_LINES: usize = 2;
const BIG_TITLE_MIN_HEIGHT: u16 = 30;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    walk: &Walkthrough,
    show_scores: bool,
    styles: &Styles,
) {
    let text = app.text;
    let framework = &walk.scan.framework;
    let Some(entry) = framework.criterion_at(walk.current) else {
        return;
    };
    // High contrast: bright text on black when colour is allowed, plain
    // bold otherwise.
    let base = if app.colour {
        Style::default().fg(Color::White).bg(Color::Black)
    } else {
        Style::default()
    };
    let strong = base.add_modifier(Modifier::BOLD);
    frame.render_widget(Block::default().style(base), area);
    let width = area.width.saturating_sub(4).min(MAX_TEXT_WIDTH);
    let inner = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height: area.height.saturating_sub(2),
    };

    let big_title = big_title_lines(&entry.criterion.title, area.height, inner.width);
    let mut top = inner.y;
    if let Some(title_lines) = &big_title {
        let height = title_lines.len() as u16 * BIG_GLYPH;
        let big = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(strong)
            .lines(
                title_lines
                    .iter()
                    .cloned()
                    .map(Line::from)
                    .collect::<Vec<_>>(),
            )
            .build();
        frame.render_widget(
            big,
            Rect {
                y: top,
                height: height.min(inner.height),
                ..inner
            },
        );
        top += height + 1;
    }
    // Under a big title the id is enough; otherwise the title in full.
    let heading = if big_title.is_some() {
        format!(" {} ", entry.criterion.id)
    } else {
        format!(" {} · {} ", entry.criterion.id, entry.criterion.title)
    };
    let mut lines = vec![
        Line::styled(heading, styles.selected),
        Line::styled(
            format!(
                "{} {} · {}/{}{}",
                entry.theme.id,
                entry.theme.title,
                walk.current + 1,
                walk.scan.answers.len(),
                if entry.criterion.critical {
                    format!(" · {}", text.critical)
                } else {
                    String::new()
                }
            ),
            base,
        ),
        Line::from(""),
        Line::styled(entry.criterion.description.clone(), strong),
        Line::from(""),
    ];
    for (number, question) in entry.criterion.questions.iter().enumerate() {
        lines.push(Line::styled(format!("{}. {question}", number + 1), strong));
        lines.push(Line::from(""));
    }
    if show_scores {
        lines.extend(score_lines(framework, walk, app, base, strong));
    }
    let footer = Line::styled(text.projector_hint, base);
    // The legend sits above the footer, so it stays in view while the
    // scores are shown; the criterion text scrolls off first.
    let room_below_top = inner.bottom().saturating_sub(top);
    // The legend takes what the criterion (and the scores) leave, at least
    // one row per level, at most half the room.
    let body_rows: usize = lines
        .iter()
        .map(|line| super::wrap::wrap_words(&line.to_string(), usize::from(inner.width)).len())
        .sum();
    let left_over = usize::from(room_below_top)
        .saturating_sub(body_rows + 2)
        .min(usize::from(room_below_top / 2));
    let legend_rows =
        u16::try_from(left_over.max(framework.scale.levels.len())).unwrap_or(u16::MAX);
    let legend = legend_lines(framework, inner.width, legend_rows, base, strong);
    let legend_height = legend.len() as u16;
    let legend_area = Rect {
        y: inner.bottom().saturating_sub(1 + legend_height).max(top),
        height: legend_height.min(room_below_top.saturating_sub(1)),
        ..inner
    };
    frame.render_widget(Rows::new(legend).style(base), legend_area);
    let body = Rect {
        y: top,
        height: legend_area.y.saturating_sub(top + 1),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(lines).style(base).wrap(Wrap { trim: false }),
        body,
    );
    frame.render_widget(
        Paragraph::new(footer).right_aligned(),
        Rect {
            y: inner.bottom().saturating_sub(1),
            height: 1,
            ..inner
        },
    );
    // The criterion's countdown, quietly in the top row, for whoever keeps time.
    let Some((clock, over)) = super::criterion_clock(app, walk) else {
        return;
    };
    frame.render_widget(
        Paragraph::new(format!("{clock} "))
            .style(if over { styles.warning } else { base })
            .right_aligned(),
        Rect {
            y: area.y,
            height: 1,
            ..area
        },
    );
}

fn answer_words(framework: &Framework, answer: Option<Answer>, app: &App) -> String {
    match answer {
        Some(Answer::Score(value)) => framework.scale_level(value).map_or_else(
            || value.to_string(),
            |level| format!("{value} – {}", level.label),
        ),
        Some(Answer::Unknown) => framework.scale.unknown.label.clone(),
        Some(Answer::NotApplicable) => framework.scale.not_applicable.label.clone(),
        None => app.text.projector_no_answer.to_string(),
    }
}

fn score_lines<'a>(
    framework: &'a Framework,
    walk: &'a Walkthrough,
    app: &App,
    base: Style,
    strong: Style,
) -> Vec<Line<'a>> {
    let answer = &walk.scan.answers[walk.current];
    let label_width = framework
        .perspectives
        .iter()
        .map(|p| p.label.chars().count())
        .chain([app.text.label_consensus.chars().count()])
        .max()
        .unwrap_or(0)
        + 2;
    let mut lines = Vec::new();
    // A note shows under its score unless it was marked private.
    let indent = " ".repeat(label_width);
    let note_lines = |note: &str, private: bool| -> Vec<Line<'a>> {
        if private || note.is_empty() {
            return Vec::new();
        }
        note.lines()
            .map(|line| Line::styled(format!("{indent}{line}"), base))
            .collect()
    };
    for (index, perspective) in framework.perspectives.iter().enumerate() {
        let score = answer_words(
            framework,
            answer_slot(answer, Side::Perspective(index)),
            app,
        );
        lines.push(Line::from(vec![
            Span::styled(format!("{:<label_width$}", perspective.label), base),
            Span::styled(score, strong),
        ]));
        if let Some(view) = answer.perspectives.get(index) {
            lines.extend(note_lines(&view.note, view.note_private));
        }
    }
    let mut joint = answer_words(framework, answer.consensus, app);
    if let Some(level) = answer.agreement {
        joint = format!("{joint} · {}", framework.agreement_label(level));
        if level == Agreement::NoConsensus {
            joint = format!(
                "{} · {}",
                framework.agreement_label(level),
                app.text.no_consensus_counts_lowest
            );
        }
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{:<label_width$}", app.text.label_consensus), base),
        Span::styled(joint, strong.add_modifier(Modifier::REVERSED)),
    ]));
    if !answer.consensus_note.is_empty() && !answer.consensus_note_private {
        lines.push(Line::from(""));
        lines.push(Line::styled(answer.consensus_note.clone(), strong));
    }
    lines
}

/// The title as rows of big glyphs, or `None` where it would not fit: on a
/// short terminal, when it needs more than [`BIG_TITLE_LINES`] rows, or when a
/// letter is outside the big font (then it is shown as ordinary text rather
/// than with a letter missing).
fn big_title_lines(title: &str, screen_height: u16, width: u16) -> Option<Vec<String>> {
    if screen_height < BIG_TITLE_MIN_HEIGHT {
        return None;
    }
    let in_font =
        |c: char| c == ' ' || (' '..='~').contains(&c) || ('\u{a0}'..='\u{ff}').contains(&c);
    if !title.chars().all(in_font) {
        return None;
    }
    let per_line = usize::from(width / BIG_GLYPH);
    let lines = super::wrap::wrap_words(title, per_line);
    // A word longer than a line would be split mid-word: not big then.
    let whole_words = lines.iter().all(|line| {
        line.split(' ')
            .all(|word| title.split(' ').any(|whole| whole == word))
    });
    (lines.len() <= BIG_TITLE_LINES && whole_words).then_some(lines)
}

/// Every level of the scale with its label and meaning, in high contrast: the
/// legend the room reads while it scores. At most `max_rows` rows; a meaning
/// that does not fit ends on a whole word.
fn legend_lines<'a>(
    framework: &Framework,
    width: u16,
    max_rows: u16,
    base: Style,
    strong: Style,
) -> Vec<Line<'a>> {
    let label_width = framework
        .scale
        .levels
        .iter()
        .map(|level| level.label.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for level in &framework.scale.levels {
        let label = format!("{:>2}  {:<label_width$}  ", level.value, level.label);
        let indent = label.chars().count();
        let room = usize::from(width).saturating_sub(indent).max(1);
        for (row, part) in super::wrap::wrap_words(&level.meaning, room)
            .into_iter()
            .enumerate()
        {
            let first = if row == 0 {
                Span::styled(label.clone(), strong.add_modifier(Modifier::REVERSED))
            } else {
                Span::styled(" ".repeat(indent), base)
            };
            lines.push(Line::from(vec![first, Span::styled(part, strong)]));
        }
    }
    if lines.len() > usize::from(max_rows) {
        // Too little room for every meaning: one row per level, whole words.
        lines = framework
            .scale
            .levels
            .iter()
            .take(usize::from(max_rows.max(1)))
            .map(|level| {
                let label = format!("{:>2}  {:<label_width$}  ", level.value, level.label);
                let room = usize::from(width).saturating_sub(label.chars().count());
                Line::from(vec![
                    Span::styled(label, strong.add_modifier(Modifier::REVERSED)),
                    Span::styled(super::wrap::fit_words(&level.meaning, room), strong),
                ])
            })
            .collect();
    }
    lines
}
