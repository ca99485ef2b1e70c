//! The projector view: the current criterion alone, large and high-contrast,
//! for the back of the room. The recorded scores and notes appear only when
//! the facilitator shows them, and a note marked private never does.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::style::Styles;
use crate::model::{Agreement, Answer, Framework};
use crate::tui::app::Side;
use crate::tui::app::{App, Walkthrough};
use crate::tui::update::answer_slot;

/// Never wider than this, so lines stay easy to follow on a wide screen.
const MAX_TEXT_WIDTH: u16 = 100;

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

    let mut lines = vec![
        Line::styled(
            format!(" {} · {} ", entry.criterion.id, entry.criterion.title),
            styles.selected,
        ),
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
    let body = Rect {
        height: inner.height.saturating_sub(1),
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
