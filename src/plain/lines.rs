//! What the plain walkthrough prints: a criterion, what is recorded, the
//! help, the agenda and the verdict.

use jiff::Timestamp;

use super::*;

impl PlainSession {
    // ------------------------------------------------------------ showing

    /// Id, title, theme, description, guiding questions and what is recorded.
    pub fn criterion_lines(&self, scan: &Scan) -> Vec<String> {
        let text = self.text;
        let Some(entry) = scan.framework.criterion_at(self.current) else {
            return Vec::new();
        };
        let criterion = entry.criterion;
        let mut lines = vec![
            String::new(),
            (text.plain.criterion_heading)(
                entry.index + 1,
                scan.answers.len(),
                &criterion.id,
                &criterion.title,
                criterion.critical,
            ),
            (text.plain.theme_line)(&entry.theme.id, &entry.theme.title),
            criterion.description.clone(),
        ];
        if !criterion.questions.is_empty() {
            lines.push(text.plain.questions_heading.to_string());
            lines.extend(
                criterion
                    .questions
                    .iter()
                    .map(|question| format!("- {question}")),
            );
        }
        lines.push(text.plain.recorded_heading.to_string());
        lines.extend(self.answer_lines(scan));
        // A follow-up scan asks where the carried actions stand.
        if scan
            .answers
            .get(self.current)
            .and_then(crate::model::agenda::carried_to_review)
            .is_some()
        {
            lines.push(text.agenda.plain_ask_carried.to_string());
        }
        lines
    }

    pub(super) fn answer_lines(&self, scan: &Scan) -> Vec<String> {
        let text = self.text;
        let words = &text.plain;
        let answer = &scan.answers[self.current];
        let mut lines = Vec::new();
        for (perspective, view) in scan.framework.perspectives.iter().zip(&answer.perspectives) {
            lines.push((words.confirmed)(
                &perspective.label,
                &answer_words(text, scan, view.score),
            ));
            if !view.note.is_empty() {
                lines.push((words.confirmed)(
                    &(words.note_label)(&perspective.label),
                    &view.note,
                ));
            }
        }
        lines.push((words.confirmed)(
            text.label_consensus,
            &answer_words(text, scan, answer.consensus),
        ));
        lines.push((words.confirmed)(
            words.agreement_label,
            &agreement_words(text, scan, answer.agreement),
        ));
        if !answer.consensus_note.is_empty() {
            lines.push((words.confirmed)(
                words.joint_note_label,
                &answer.consensus_note,
            ));
        }
        for action in &answer.actions {
            lines.push((words.confirmed)(
                words.action_label,
                &crate::report::agenda::action_line(text, action),
            ));
        }
        if answer.skipped {
            lines.push(text.status_skipped.to_string());
        }
        lines
    }

    pub(super) fn help_lines(&self, scan: &Scan) -> Vec<String> {
        let text = self.text;
        let mut lines = vec![
            text.help_title.to_string(),
            text.plain.help_intro.to_string(),
        ];
        lines.extend(PlainCommand::ALL.into_iter().map(|command| {
            format!(
                "{}: {}",
                (text.plain.command_words)(command).join(", "),
                (text.plain.command_help)(command)
            )
        }));
        lines.push(text.help_scale_heading.to_string());
        let scale = &scan.framework.scale;
        lines.extend(
            scale
                .levels
                .iter()
                .map(|level| format!("{} {}: {}", level.value, level.label, level.meaning)),
        );
        lines.push(format!(
            "o {}: {}",
            scale.unknown.label, scale.unknown.meaning
        ));
        lines.push(format!(
            "x {}: {}",
            scale.not_applicable.label, scale.not_applicable.meaning
        ));
        lines.extend(text.plain.help_answers.iter().map(ToString::to_string));
        lines
    }

    /// The agenda screen as lines: every action by due date, overdue ones
    /// said in words, then the points of attention without an action.
    pub(super) fn agenda_lines(&self, scan: &Scan, now: Timestamp) -> Vec<String> {
        use crate::model::agenda::{AgendaSort, agenda_items, attention_without_action};
        let words = &self.text.agenda;
        let today = now.to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        let items = agenda_items(&[scan], AgendaSort::Due, today);
        let late = items.iter().filter(|item| item.overdue).count();
        let mut lines = vec![format!(
            "{}: {}",
            words.actions_title,
            (words.summary)(items.len(), late)
        )];
        for item in &items {
            let mut line = format!(
                "{}: {}",
                item.criterion_id,
                crate::report::agenda::action_line(self.text, item.action)
            );
            if item.overdue {
                line.push_str(&format!(" — {}", words.overdue));
            }
            lines.push(line);
        }
        let evaluation = crate::model::evaluate(scan);
        let without = attention_without_action(scan, &evaluation);
        if !without.is_empty() {
            lines.push(format!(
                "{}: {}",
                words.without_action_title,
                without.join(", ")
            ));
        }
        lines
    }

    pub(super) fn verdict_lines(&self, scan: &Scan) -> Vec<String> {
        let text = self.text;
        let evaluation = crate::model::evaluate(scan);
        let mut lines = Vec::new();
        let progress = evaluation.progress;
        if progress.answered < progress.total {
            lines.push((text.incomplete)(progress.answered, progress.total));
        }
        lines.push(format!(
            "{} {}",
            text.summary_verdict,
            (text.verdict)(evaluation.verdict())
        ));
        // As the outcome screen: what the override did, then the computed verdict
        // whose reasons follow.
        if let Some(outcome) = &evaluation.override_outcome {
            lines.push((text.override_outcome)(outcome));
            lines.push(format!(
                "{} {}",
                text.summary_computed,
                (text.verdict)(evaluation.computed_verdict)
            ));
        }
        lines.push(text.summary_why.to_string());
        lines.extend(
            evaluation
                .reasons
                .iter()
                .map(|reason| format!("- {}", (text.reason)(reason, &scan.framework))),
        );
        lines
    }

    pub(super) fn slot_label(&self, scan: &Scan, slot: &Slot) -> String {
        match slot {
            Slot::Perspective(id) => perspective_label(scan, id),
            Slot::Consensus => self.text.label_consensus.to_string(),
        }
    }

    pub(super) fn score_of(&self, scan: &Scan, slot: &Slot) -> Option<Answer> {
        let answer = &scan.answers[self.current];
        match slot {
            Slot::Consensus => answer.consensus,
            Slot::Perspective(id) => scan
                .framework
                .perspective_index(id)
                .and_then(|index| answer.perspectives.get(index))
                .and_then(|view| view.score),
        }
    }
}
