//! The plain line-by-line walkthrough (`zelfscan open --plain`, or any
//! `open` when `TERM=dumb`), for screen readers and scripts. A pure state
//! machine: an input line goes in, the lines to print, the [`Edit`]s to
//! journal and any save request come out. No IO here; the driver in
//! `commands::plain` reads standard input, journals, prints and saves.
//!
//! Output is plain text only: no colour, no cursor movement, no box drawing,
//! one short prompt per line, because a screen reader reads every character.

use jiff::Timestamp;

use crate::i18n::Catalogue;
use crate::model::edit::{Edit, Slot, TextSlot, splice_between};
use crate::model::{Agreement, Answer, Scan};
use crate::tui::text_edit::sanitize_paste;

#[cfg(test)]
mod tests;

mod lines;

pub use crate::vocab::PlainCommand;

/// One field of a criterion, in the order they are asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Score(Slot),
    Note(Slot),
    Agreement,
    Action,
}

/// The fields of every criterion: each perspective's score and note, then
/// the joint score, the agreement, the joint note and the action (the same
/// order as the full-screen walkthrough). Homework (a scan prepared for one
/// perspective) asks only that side's score and note.
pub fn fields(scan: &Scan) -> Vec<Field> {
    if let Some(side) = scan
        .prepared_for
        .as_ref()
        .filter(|side| scan.framework.perspective_index(side).is_some())
    {
        return vec![
            Field::Score(Slot::Perspective(side.clone())),
            Field::Note(Slot::Perspective(side.clone())),
        ];
    }
    let mut fields = Vec::new();
    for perspective in &scan.framework.perspectives {
        fields.push(Field::Score(Slot::Perspective(perspective.id.clone())));
        fields.push(Field::Note(Slot::Perspective(perspective.id.clone())));
    }
    fields.extend([
        Field::Score(Slot::Consensus),
        Field::Agreement,
        Field::Note(Slot::Consensus),
        Field::Action,
    ]);
    fields
}

/// IO the driver is asked to do after printing a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    Save,
    SaveAndStop,
}

/// What one input line gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    /// Lines to print, in order (a line may hold a multi-line note).
    pub lines: Vec<String>,
    /// Already applied to the scan; the driver journals them before printing.
    pub edits: Vec<Edit>,
    pub request: Option<Request>,
}

/// Where the walk is.
#[derive(Clone)]
pub struct PlainSession {
    text: &'static Catalogue,
    /// The criterion being asked, as a position in the walk.
    current: usize,
    /// The field being asked, as a position in [`fields`].
    field: usize,
    /// Nothing left to ask (every criterion answered): only commands.
    at_end: bool,
    /// The note typed so far when the last line ended in `\`.
    continued: Option<String>,
    finished: bool,
}

impl PlainSession {
    /// Starts at the first criterion still open, as the full-screen
    /// walkthrough does when a scan is opened.
    pub fn new(text: &'static Catalogue, scan: &Scan) -> Self {
        let last = scan.answers.len().saturating_sub(1);
        let start = scan.next_unanswered(last);
        Self {
            text,
            current: start.unwrap_or(0),
            field: 0,
            at_end: start.is_none(),
            continued: None,
            finished: false,
        }
    }

    pub fn current(&self) -> usize {
        self.current
    }

    /// True after `stop`: the driver saves and ends.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// What is printed first: the scan, its progress, and the first criterion.
    pub fn opening(&self, scan: &Scan) -> Vec<String> {
        let text = self.text;
        let progress = scan.progress();
        let mut lines = vec![
            (text.plain.scan_header)(
                &scan.meta.region,
                &scan.meta.date.strftime("%d-%m-%Y").to_string(),
                &scan.framework.title,
            ),
            (text.progress)(progress.answered, progress.total),
            text.plain.intro.to_string(),
        ];
        if self.at_end {
            lines.push(text.all_answered.to_string());
            lines.push(text.plain.at_end_hint.to_string());
        } else {
            lines.extend(self.criterion_lines(scan));
        }
        lines
    }

    /// The one-line prompt for what is asked now (printed without a newline).
    pub fn prompt(&self, scan: &Scan) -> String {
        let plain = &self.text.plain;
        if self.continued.is_some() {
            return plain.prompt_continue.to_string();
        }
        let Some(field) = self.current_field(scan) else {
            return plain.prompt_command.to_string();
        };
        match field {
            Field::Score(slot) => {
                (plain.prompt_score)(&self.slot_label(scan, &slot), &self.scale_levels(scan))
            }
            Field::Note(Slot::Perspective(id)) => {
                (plain.prompt_note)(&perspective_label(scan, &id))
            }
            Field::Note(Slot::Consensus) => plain.prompt_joint_note.to_string(),
            Field::Agreement => plain.prompt_agreement.to_string(),
            Field::Action => plain.prompt_action.to_string(),
        }
    }

    /// Every answer a score prompt takes, with its label: "1 Afwezig, …,
    /// 5 Volledig, o Onbekend, x N.v.t.", the letters as the catalogue's
    /// first word for unknown and not applicable.
    fn scale_levels(&self, scan: &Scan) -> String {
        let plain = &self.text.plain;
        let scale = &scan.framework.scale;
        let mut levels: Vec<String> = scale
            .levels
            .iter()
            .map(|level| format!("{} {}", level.value, level.label))
            .collect();
        for (words, label) in [
            (plain.unknown_words, &scale.unknown.label),
            (plain.not_applicable_words, &scale.not_applicable.label),
        ] {
            if let Some(word) = words.first() {
                levels.push(format!("{word} {label}"));
            }
        }
        levels.join(", ")
    }

    /// Handles one line of input (with or without its line ending).
    pub fn handle(&mut self, scan: &mut Scan, line: &str, now: Timestamp) -> Reply {
        let line = clean_line(line);
        if let Some(mut so_far) = self.continued.take() {
            // A continued note takes every line as text, even "stop".
            so_far.push('\n');
            so_far.push_str(&line);
            return self.note_line(scan, so_far, now);
        }
        let trimmed = line.trim();
        if let Some((command, argument)) = self.parse_command(scan, trimmed) {
            return self.command(scan, command, argument, now);
        }
        let Some(field) = self.current_field(scan) else {
            return reply(vec![self.text.plain.unknown_command.to_string()]);
        };
        match field {
            Field::Score(slot) => self.answer_score(scan, slot, trimmed, now),
            Field::Agreement => self.answer_agreement(scan, trimmed, now),
            Field::Note(_) | Field::Action => self.note_line(scan, line, now),
        }
    }

    /// The input ended: keep a note that was still being continued.
    pub fn end_of_input(&mut self, scan: &mut Scan, now: Timestamp) -> Reply {
        let result = match self.continued.take() {
            Some(so_far) => self.finish_note(scan, &so_far, false, now),
            None => Reply::default(),
        };
        self.finished = true;
        result
    }

    fn current_field(&self, scan: &Scan) -> Option<Field> {
        if self.at_end || self.finished {
            return None;
        }
        fields(scan).into_iter().nth(self.field)
    }

    fn criterion_id(&self, scan: &Scan) -> String {
        scan.framework
            .criterion_at(self.current)
            .map(|entry| entry.criterion.id.clone())
            .unwrap_or_default()
    }

    // ------------------------------------------------------------ commands

    /// A command, when the line is one. `ga X` at a note only counts when X
    /// is a criterion, so a note may start with the word "ga".
    fn parse_command<'l>(
        &self,
        scan: &Scan,
        trimmed: &'l str,
    ) -> Option<(PlainCommand, Option<&'l str>)> {
        let (first, rest) = match trimmed.split_once(char::is_whitespace) {
            Some((first, rest)) => (first, Some(rest.trim())),
            None => (trimmed, None),
        };
        let command = PlainCommand::ALL.into_iter().find(|command| {
            (self.text.plain.command_words)(*command)
                .iter()
                .any(|word| word.eq_ignore_ascii_case(first))
        })?;
        match (command, rest) {
            (PlainCommand::GoTo, Some(id)) => {
                let known = criterion_index(scan, id).is_some();
                let at_text = matches!(
                    self.current_field(scan),
                    Some(Field::Note(_) | Field::Action)
                );
                (known || !at_text).then_some((command, Some(id)))
            }
            (PlainCommand::GoTo, None) => {
                let at_text = matches!(
                    self.current_field(scan),
                    Some(Field::Note(_) | Field::Action)
                );
                (!at_text).then_some((command, None))
            }
            // "stand 1 klaar" only when it names an action and a status, so a
            // note may start with the word.
            (PlainCommand::ActionStatus, Some(argument)) => self
                .parse_action_status(scan, argument)
                .map(|_| (command, Some(argument))),
            (_, None) => Some((command, None)),
            // "stop met roken" at a note is a note, not a command.
            (_, Some(_)) => None,
        }
    }

    fn command(
        &mut self,
        scan: &mut Scan,
        command: PlainCommand,
        argument: Option<&str>,
        now: Timestamp,
    ) -> Reply {
        let text = self.text;
        let count = scan.answers.len();
        match command {
            PlainCommand::Help => reply(self.help_lines(scan)),
            PlainCommand::Next if self.current + 1 < count => {
                reply(self.go_to(scan, self.current + 1))
            }
            PlainCommand::Next => reply(vec![text.plain.at_last_criterion.to_string()]),
            PlainCommand::Previous if self.current > 0 => reply(self.go_to(scan, self.current - 1)),
            PlainCommand::Previous => reply(vec![text.at_first_criterion.to_string()]),
            PlainCommand::GoTo => match argument {
                None => reply(vec![text.plain.go_to_needs_id.to_string()]),
                Some(id) => match criterion_index(scan, id) {
                    Some(index) => reply(self.go_to(scan, index)),
                    None => reply(vec![(text.plain.unknown_criterion)(id, &first_ids(scan))]),
                },
            },
            PlainCommand::Skip => self.skip(scan, now),
            PlainCommand::Verdict => reply(self.verdict_lines(scan)),
            PlainCommand::Agenda => reply(self.agenda_lines(scan, now)),
            PlainCommand::ActionStatus => {
                match argument.and_then(|argument| self.parse_action_status(scan, argument)) {
                    Some((index, status)) => {
                        let mut result = Reply::default();
                        let edit = Edit::Agenda {
                            criterion: self.criterion_id(scan),
                            change: crate::model::edit::AgendaEdit::ActionStatus(index, status),
                            at: now,
                        };
                        apply(scan, &mut result, edit);
                        result.lines.push((text.plain.confirmed)(
                            &(text.agenda.label_action)(index + 1),
                            (text.agenda.status)(status),
                        ));
                        result
                    }
                    None => reply(vec![text.agenda.plain_status_usage.to_string()]),
                }
            }
            PlainCommand::Save => Reply {
                request: Some(Request::Save),
                ..Reply::default()
            },
            PlainCommand::Stop => {
                self.finished = true;
                Reply {
                    request: Some(Request::SaveAndStop),
                    ..Reply::default()
                }
            }
        }
    }

    fn skip(&mut self, scan: &mut Scan, now: Timestamp) -> Reply {
        let mut result = Reply::default();
        if self.at_end {
            result
                .lines
                .push(self.text.plain.unknown_command.to_string());
            return result;
        }
        let id = self.criterion_id(scan);
        let answer = &scan.answers[self.current];
        if !answer.is_answered() && !answer.skipped {
            apply(
                scan,
                &mut result,
                Edit::Skipped {
                    criterion: id.clone(),
                    value: true,
                    at: now,
                },
            );
        }
        result.lines.push((self.text.plain.skipped)(&id));
        result.lines.extend(self.move_on(scan));
        result
    }

    fn go_to(&mut self, scan: &Scan, index: usize) -> Vec<String> {
        self.current = index;
        self.field = 0;
        self.at_end = false;
        self.criterion_lines(scan)
    }

    /// After a criterion: the next one still open after it (skipped ones
    /// come round again), or the end.
    fn move_on(&mut self, scan: &Scan) -> Vec<String> {
        let text = self.text;
        match scan.next_unanswered(self.current) {
            Some(index) if index != self.current => self.go_to(scan, index),
            found => {
                self.at_end = true;
                let message = if found.is_some() {
                    text.only_this_unanswered
                } else {
                    text.all_answered
                };
                vec![message.to_string(), text.plain.at_end_hint.to_string()]
            }
        }
    }

    /// The next field, or on to the next criterion after the last one.
    fn advance(&mut self, scan: &Scan, lines: &mut Vec<String>) {
        self.field += 1;
        if self.field < fields(scan).len() {
            return;
        }
        let progress = scan.progress();
        lines.push((self.text.plain.criterion_done)(
            &self.criterion_id(scan),
            &(self.text.progress)(progress.answered, progress.total),
        ));
        lines.extend(self.move_on(scan));
    }

    // ------------------------------------------------------------- answers

    fn answer_score(&mut self, scan: &mut Scan, slot: Slot, typed: &str, now: Timestamp) -> Reply {
        let text = self.text;
        let label = self.slot_label(scan, &slot);
        let (low, high) = scale_range(scan);
        let words = &text.plain;
        let lower = typed.to_lowercase();
        let wanted = if typed.is_empty() {
            None
        } else if words.clear_words.contains(&lower.as_str()) {
            Some(None)
        } else if words.unknown_words.contains(&lower.as_str()) {
            Some(Some(Answer::Unknown))
        } else if words.not_applicable_words.contains(&lower.as_str()) {
            Some(Some(Answer::NotApplicable))
        } else if let Ok(value) = lower.parse::<u8>() {
            if scan.framework.scale_level(value).is_none() {
                return reply(vec![(text.not_on_scale)(value, low, high)]);
            }
            Some(Some(Answer::Score(value)))
        } else {
            return reply(vec![(words.bad_score)(low, high)]);
        };
        let mut result = Reply::default();
        let current = self.score_of(scan, &slot);
        match wanted {
            None => result.lines.push((words.unchanged)(&label)),
            Some(value) => {
                if value != current {
                    let edit = Edit::Score {
                        criterion: self.criterion_id(scan),
                        slot,
                        value,
                        at: now,
                    };
                    apply(scan, &mut result, edit);
                }
                result
                    .lines
                    .push((words.confirmed)(&label, &answer_words(text, scan, value)));
            }
        }
        self.advance(scan, &mut result.lines);
        result
    }

    fn answer_agreement(&mut self, scan: &mut Scan, typed: &str, now: Timestamp) -> Reply {
        let text = self.text;
        let words = &text.plain;
        let lower = typed.to_lowercase();
        let wanted = if typed.is_empty() {
            None
        } else if words.clear_words.contains(&lower.as_str()) {
            Some(None)
        } else if let Some(level) = Agreement::ALL
            .into_iter()
            .enumerate()
            .find_map(|(n, level)| {
                let by_number = lower == (n + 1).to_string();
                let by_word = (words.agreement_words)(level).contains(&lower.as_str());
                (by_number || by_word).then_some(level)
            })
        {
            Some(Some(level))
        } else {
            return reply(vec![words.bad_agreement.to_string()]);
        };
        let mut result = Reply::default();
        match wanted {
            None => result.lines.push((words.unchanged)(words.agreement_label)),
            Some(value) => {
                if value != scan.answers[self.current].agreement {
                    let edit = Edit::Agreement {
                        criterion: self.criterion_id(scan),
                        value,
                        at: now,
                    };
                    apply(scan, &mut result, edit);
                }
                result.lines.push((words.confirmed)(
                    words.agreement_label,
                    &agreement_words(text, scan, value),
                ));
            }
        }
        self.advance(scan, &mut result.lines);
        result
    }

    /// A line of a note: a trailing `\` asks for another line (`\\` keeps
    /// one backslash and ends the note).
    fn note_line(&mut self, scan: &mut Scan, so_far: String, now: Timestamp) -> Reply {
        let end = so_far.trim_end();
        if end.ends_with("\\\\") {
            let kept = end[..end.len() - 1].to_string();
            return self.finish_note(scan, &kept, true, now);
        }
        if let Some(open) = end.strip_suffix('\\') {
            self.continued = Some(open.trim_end().to_string());
            return Reply::default();
        }
        self.finish_note(scan, &so_far, true, now)
    }

    /// Stores a finished note; `then_advance` is false at the end of input,
    /// where nothing more is asked.
    fn finish_note(
        &mut self,
        scan: &mut Scan,
        typed: &str,
        then_advance: bool,
        now: Timestamp,
    ) -> Reply {
        let words = &self.text.plain;
        let Some(field) = self.current_field(scan) else {
            return Reply::default();
        };
        let (target, label) = match field {
            Field::Note(Slot::Perspective(id)) => (
                TextSlot::Note(Slot::Perspective(id.clone())),
                (words.note_label)(&perspective_label(scan, &id)),
            ),
            Field::Note(Slot::Consensus) => (
                TextSlot::Note(Slot::Consensus),
                words.joint_note_label.to_string(),
            ),
            Field::Action => (TextSlot::ActionWhat(0), words.action_label.to_string()),
            Field::Score(_) | Field::Agreement => return Reply::default(),
        };
        let typed = typed.trim();
        let mut result = Reply::default();
        let wanted = if typed.is_empty() {
            None
        } else if words.clear_words.contains(&typed) {
            Some(String::new())
        } else {
            Some(typed.to_string())
        };
        match wanted {
            None => result.lines.push((words.unchanged)(&label)),
            Some(new) => {
                let old = text_of(scan, self.current, &target);
                if new != old {
                    // The action line edits the first action; make it when there is none.
                    if target == TextSlot::ActionWhat(0)
                        && scan.answers[self.current].actions.is_empty()
                    {
                        let edit = Edit::Agenda {
                            criterion: self.criterion_id(scan),
                            change: crate::model::edit::AgendaEdit::AddAction,
                            at: now,
                        };
                        apply(scan, &mut result, edit);
                    }
                    let (offset, removed, inserted) = splice_between(&old, &new);
                    let edit = Edit::Splice {
                        criterion: self.criterion_id(scan),
                        text: target,
                        offset,
                        removed,
                        inserted,
                        at: now,
                    };
                    apply(scan, &mut result, edit);
                }
                let shown = if new.is_empty() {
                    words.cleared.to_string()
                } else {
                    new
                };
                result.lines.push((words.confirmed)(&label, &shown));
            }
        }
        if then_advance {
            self.advance(scan, &mut result.lines);
        }
        result
    }

    /// `1 klaar`: an action of the current criterion (1-based) and a status,
    /// as its file key or its word in the interface language.
    fn parse_action_status(
        &self,
        scan: &Scan,
        argument: &str,
    ) -> Option<(usize, crate::model::ActionStatus)> {
        let (number, word) = argument.split_once(char::is_whitespace)?;
        let index = number.trim().parse::<usize>().ok()?.checked_sub(1)?;
        scan.answers.get(self.current)?.actions.get(index)?;
        let word = word.trim();
        let status = crate::model::ActionStatus::ALL.into_iter().find(|status| {
            status.key().eq_ignore_ascii_case(word)
                || (self.text.agenda.status)(*status).eq_ignore_ascii_case(word)
        })?;
        Some((index, status))
    }
}

fn reply(lines: Vec<String>) -> Reply {
    Reply {
        lines,
        ..Reply::default()
    }
}

/// Applies an edit and keeps it for the journal. An edit built here always
/// fits the scan; should one not, it is left out of the journal too, so what
/// is saved and what is recovered stay the same.
fn apply(scan: &mut Scan, result: &mut Reply, edit: Edit) {
    if edit.apply(scan).is_ok() {
        result.edits.push(edit);
    }
}

/// The line as it may be stored: no line ending, no control characters.
fn clean_line(line: &str) -> String {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    // A stray carriage return inside a line is not a line break here.
    sanitize_paste(line).replace('\n', " ")
}

fn scale_range(scan: &Scan) -> (u8, u8) {
    let levels = &scan.framework.scale.levels;
    (
        levels.first().map_or(1, |level| level.value),
        levels.last().map_or(1, |level| level.value),
    )
}

fn perspective_label(scan: &Scan, id: &str) -> String {
    scan.framework
        .perspectives
        .iter()
        .find(|perspective| perspective.id == id)
        .map_or_else(|| id.to_string(), |perspective| perspective.label.clone())
}

fn criterion_index(scan: &Scan, id: &str) -> Option<usize> {
    scan.framework
        .criteria()
        .find(|entry| entry.criterion.id.eq_ignore_ascii_case(id))
        .map(|entry| entry.index)
}

/// A few ids as examples for "no such criterion".
fn first_ids(scan: &Scan) -> String {
    scan.framework
        .criteria()
        .take(3)
        .map(|entry| entry.criterion.id.clone())
        .collect::<Vec<_>>()
        .join(", ")
}

fn text_of(scan: &Scan, index: usize, target: &TextSlot) -> String {
    let answer = &scan.answers[index];
    match target {
        TextSlot::ActionWhat(at) => answer
            .actions
            .get(*at)
            .map(|action| action.what.clone())
            .unwrap_or_default(),
        TextSlot::ActionOwner(at) => answer
            .actions
            .get(*at)
            .map(|action| action.owner.clone())
            .unwrap_or_default(),
        TextSlot::AmbitionNeeded => answer
            .ambition
            .as_ref()
            .map(|ambition| ambition.needed.clone())
            .unwrap_or_default(),
        TextSlot::Note(Slot::Consensus) => answer.consensus_note.clone(),
        TextSlot::Note(Slot::Perspective(id)) => scan
            .framework
            .perspective_index(id)
            .and_then(|at| answer.perspectives.get(at))
            .map(|view| view.note.clone())
            .unwrap_or_default(),
    }
}

/// "3 – Op orde", "Onbekend", or "geen antwoord".
fn answer_words(text: &Catalogue, scan: &Scan, answer: Option<Answer>) -> String {
    let scale = &scan.framework.scale;
    match answer {
        None => text.plain.no_answer.to_string(),
        Some(Answer::Unknown) => scale.unknown.label.clone(),
        Some(Answer::NotApplicable) => scale.not_applicable.label.clone(),
        Some(Answer::Score(value)) => {
            let label = scan
                .framework
                .scale_level(value)
                .map_or("", |level| level.label.as_str());
            (text.plain.numbered)(u32::from(value), label)
        }
    }
}

/// "2 – Consensus met voorbehoud", or "geen antwoord".
fn agreement_words(text: &Catalogue, scan: &Scan, agreement: Option<Agreement>) -> String {
    let Some(level) = agreement else {
        return text.plain.no_answer.to_string();
    };
    let number = Agreement::ALL
        .iter()
        .position(|known| *known == level)
        .map_or(0, |at| at + 1);
    (text.plain.numbered)(
        u32::try_from(number).unwrap_or(0),
        scan.framework.agreement_label(level),
    )
}
