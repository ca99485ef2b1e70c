//! The walkthrough: moving between criteria, scoring, notes and saving.

use super::*;

pub(super) fn open_walkthrough(app: &mut App, opened: OpenedScan, resume: bool) -> Option<Effect> {
    let OpenedScan {
        scan,
        path,
        warnings,
        recovered,
        read_only,
        banner,
    } = opened;
    let mut walk = Walkthrough::new(*scan, path);
    walk.read_only = read_only;
    // Found by the effect that opened the scan; a new scan has none.
    walk.previous = app.previous_found.take().filter(|_| resume);
    if let Some(side) = homework::homework_side(&walk) {
        walk.focus = Field::Score(Side::Perspective(side));
    }
    walk.plan = Plan::new(&walk.scan.framework, app.timebox);
    walk.used = TimeUsed::new(walk.scan.answers.len(), app.now);
    // Restored edits are not in the file yet: the next autosave writes them.
    walk.dirty = recovered.is_some();
    if resume {
        // Carry on where the group left off: the first criterion still open.
        let last = walk.scan.answers.len().saturating_sub(1);
        walk.current = walk.scan.next_unanswered(last).unwrap_or(0);
    }
    let name = file_name(&walk.path);
    app.screen = Screen::Walkthrough(Box::new(walk));
    app.banner = banner;
    if let Some(recovered) = recovered {
        let mut lines = vec![recovered];
        lines.extend(warnings);
        app.overlay = Some(Overlay::Message {
            title: app.text.recovered_title.to_string(),
            lines,
        });
    } else if warnings.is_empty() {
        set_status(app, (app.text.opened)(&name));
        let conflicts: usize = app.walkthrough().map_or(0, |walk| {
            walk.scan.answers.iter().map(|a| a.conflicts.len()).sum()
        });
        if conflicts > 0 {
            set_status(app, (app.text.many.conflicts_on_open)(conflicts));
        } else if let Some(previous) = app.walkthrough().and_then(|w| w.previous.as_ref()) {
            let text = (app.text.many.previous_found)(
                &file_name(&previous.path),
                &previous.scan.meta.date.to_string(),
            );
            set_status(app, text);
        }
        // A follow-up scan asks about the carried actions of the first criterion.
        super::actions::ask_about_carried(app, None);
    } else {
        app.overlay = Some(Overlay::Message {
            title: (app.text.opened_with_warnings)(&name),
            lines: warnings,
        });
    }
    None
}

pub(super) fn saved(app: &mut App, result: Result<SaveReport, String>) -> Option<Effect> {
    let after = app.pending_after_save.take();
    let now = app.now;
    match result {
        Ok(report) => {
            let mut original = None;
            if let Screen::Walkthrough(walk) = &mut app.screen {
                walk.dirty = false;
                walk.last_saved = Some(now);
                if report.moved.is_some() {
                    original = Some(std::mem::replace(&mut walk.path, report.path.clone()));
                }
            }
            app.banner = None;
            let shown = report.path.display().to_string();
            // Said even after an autosave: the file changed format.
            let backup = report.backup.as_ref().map(|kept| {
                (app.text.agenda.backup_kept)(&crate::storage::sanitize_for_display(
                    &kept.display().to_string(),
                ))
            });
            match (report.moved, original) {
                (Some(Moved::ConflictCopy), Some(original)) => {
                    app.overlay = Some(Overlay::Message {
                        title: app.text.conflict_title.to_string(),
                        lines: vec![(app.text.conflict_explained)(
                            &original.display().to_string(),
                            &shown,
                        )],
                    });
                }
                _ if backup.is_some() => {
                    set_status(app, backup.unwrap_or_default());
                }
                // An autosave goes quietly; the top bar shows the time.
                _ if report.auto => {}
                _ if report.unchanged => set_status(app, (app.text.nothing_to_save)(&shown)),
                _ => set_status(app, (app.text.saved_to)(&shown)),
            }
            match after {
                Some(AfterSave::Quit) => {
                    app.should_quit = true;
                    None
                }
                Some(AfterSave::CloseScan) => go_to_start(app),
                None => None,
            }
        }
        Err(error) => {
            app.overlay = None;
            let message = (app.text.save_failed)(&error);
            app.banner = Some(message.clone());
            set_error(app, message);
            None
        }
    }
}

pub(super) fn update_walkthrough(app: &mut App, action: Action) -> Option<Effect> {
    let text = app.text;
    let now = app.now;
    let size = app.size;
    let Screen::Walkthrough(walk) = &mut app.screen else {
        return None;
    };
    let count = walk.scan.answers.len();
    if let Action::Click { column, row } = action {
        return click(app, column, row);
    }
    if walk.read_only && changes_the_scan(&action, walk) {
        set_status(app, text.read_only_refused.to_string());
        return None;
    }
    if homework::refuses(&action, walk) {
        let refused = homework::refused_text(text, walk);
        set_status(app, refused);
        return None;
    }
    if let WalkMode::Summary { selected } = walk.mode {
        // Only the keys that move to an entry need the scan's evaluation
        // (kept for each state of the scan, `view::evaluated`).
        let targets = |walk: &Walkthrough| view::summary::targets(walk);
        match action {
            Action::Up => {
                walk.mode = WalkMode::Summary {
                    selected: selected.and_then(|index| index.checked_sub(1)),
                };
                return None;
            }
            Action::Down => {
                let last = targets(walk).len().checked_sub(1);
                walk.mode = WalkMode::Summary {
                    selected: match (selected, last) {
                        (_, None) => None,
                        (None, Some(_)) => Some(0),
                        (Some(index), Some(last)) => Some((index + 1).min(last)),
                    },
                };
                return None;
            }
            Action::Confirm => {
                if let Some(target) = selected.and_then(|index| targets(walk).get(index).copied()) {
                    go_to_criterion(walk, target);
                }
                return None;
            }
            Action::ToggleSummary | Action::Back => {
                walk.mode = WalkMode::Browse;
                return None;
            }
            Action::OverrideVerdict => {
                app.overlay = Some(Overlay::Override(Box::new(override_form(&walk.scan))));
                return None;
            }
            Action::ShowAgenda => {
                app.overlay = Some(Overlay::Agenda);
                return None;
            }
            // Saving, help and quitting work as on the criteria.
            Action::Save | Action::ShowHelp | Action::Quit | Action::CloseScan => {}
            _ => return None,
        }
    }
    if matches!(walk.mode, WalkMode::Actions { .. }) {
        let today = walk.scan.meta.date;
        if !super::actions::update_actions_screen(walk, &action, today) {
            match action {
                Action::Save => return Some(Effect::SaveScan { auto: false }),
                Action::ShowHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
                Action::Quit if walk.dirty => app.overlay = Some(Overlay::ConfirmQuit),
                Action::Quit => app.should_quit = true,
                _ => {}
            }
        }
        return None;
    }
    if let WalkMode::Projector { show_scores } = walk.mode {
        match action {
            Action::NextCriterion if walk.current + 1 < count => {
                walk.current += 1;
            }
            Action::PrevCriterion if walk.current > 0 => walk.current -= 1,
            Action::ToggleScores => {
                walk.mode = WalkMode::Projector {
                    show_scores: !show_scores,
                };
            }
            Action::ToggleProjector | Action::Back => walk.mode = WalkMode::Browse,
            Action::ShowHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Quit if walk.dirty => app.overlay = Some(Overlay::ConfirmQuit),
            Action::Quit => app.should_quit = true,
            _ => {}
        }
        return None;
    }
    if let WalkMode::Navigator { selected } = walk.mode {
        match action {
            Action::Up => {
                walk.mode = WalkMode::Navigator {
                    selected: selected.saturating_sub(1),
                }
            }
            Action::Down => {
                walk.mode = WalkMode::Navigator {
                    selected: (selected + 1).min(count.saturating_sub(1)),
                }
            }
            Action::Confirm => go_to_criterion(walk, selected),
            Action::Edit(op) => type_go_to(walk, op),
            Action::Paste(pasted) => type_go_to(walk, EditOp::Paste(pasted)),
            Action::Back => walk.mode = WalkMode::Browse,
            Action::ShowHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {}
        }
        return None;
    }
    match action {
        Action::NextCriterion => {
            if walk.current + 1 < count {
                go_to_criterion(walk, walk.current + 1);
            } else {
                let parked: Vec<String> = walk
                    .scan
                    .framework
                    .criteria()
                    .filter(|entry| {
                        let answer = &walk.scan.answers[entry.index];
                        answer.skipped && !answer.is_answered()
                    })
                    .map(|entry| entry.criterion.id.clone())
                    .collect();
                set_status(app, (text.at_last_criterion)(&parked.join(", ")));
            }
        }
        Action::PrevCriterion => {
            if walk.current > 0 {
                go_to_criterion(walk, walk.current - 1);
            } else {
                set_status(app, text.at_first_criterion.to_string());
            }
        }
        Action::NextUnanswered => match walk.scan.next_unanswered(walk.current) {
            Some(index) if index != walk.current => go_to_criterion(walk, index),
            Some(_) => set_status(app, text.only_this_unanswered.to_string()),
            None => set_status(app, text.all_answered.to_string()),
        },
        Action::Skip => {
            let answer = &walk.scan.answers[walk.current];
            if !answer.is_answered() && !answer.skipped {
                let criterion = criterion_id(walk);
                apply_edit(
                    walk,
                    Edit::Skipped {
                        criterion,
                        value: true,
                        at: now,
                    },
                );
            }
            match walk.scan.next_unanswered(walk.current) {
                Some(index) if index != walk.current => go_to_criterion(walk, index),
                _ if walk.current + 1 < count => go_to_criterion(walk, walk.current + 1),
                _ => {}
            }
        }
        Action::ToggleSummary => walk.mode = WalkMode::Summary { selected: None },
        Action::ToggleActions => super::actions::open_actions_screen(walk),
        Action::AddAgendaAction => super::actions::add_action(walk, now),
        Action::RemoveAgendaAction if !super::actions::remove_action(walk, now) => {
            set_status(app, text.agenda.choose_action.to_string());
        }
        Action::ShowAgenda => app.overlay = Some(Overlay::Agenda),
        Action::ShowConflicts => super::conflicts::show_conflicts(app),
        Action::ShowPrevious => {
            if walk.previous.is_some() {
                app.overlay = Some(Overlay::Previous);
            } else {
                set_status(app, text.many.no_previous.to_string());
            }
        }
        Action::ToggleProjector => walk.mode = WalkMode::Projector { show_scores: false },
        Action::TogglePrivate => {
            // An ambition has no private mark; a note and an action do.
            let markable = text_slot(walk, walk.focus).filter(|t| *t != TextSlot::AmbitionNeeded);
            if let Some(text) = markable {
                let private = note_is_private(&walk.scan.answers[walk.current], walk.focus);
                let criterion = criterion_id(walk);
                apply_edit(
                    walk,
                    Edit::Private {
                        criterion,
                        text,
                        value: !private,
                        at: now,
                    },
                );
            } else {
                set_status(app, text.choose_note_field.to_string());
            }
        }
        Action::StartSearch => {
            app.overlay = Some(Overlay::Search {
                query: TextInput::default(),
                selected: 0,
            });
        }
        Action::OpenNavigator => {
            walk.goto_query.clear();
            walk.mode = WalkMode::Navigator {
                selected: walk.current,
            };
        }
        Action::NextField | Action::PrevField => {
            let fields = walk_fields(walk);
            let position = fields.iter().position(|f| *f == walk.focus).unwrap_or(0);
            let next = if action == Action::NextField {
                (position + 1) % fields.len()
            } else {
                (position + fields.len() - 1) % fields.len()
            };
            focus_field(walk, fields[next]);
        }
        Action::Confirm if walk.mode == WalkMode::Browse => {
            if walk.focus.is_text() {
                start_editing(walk, size);
            } else {
                let fields = walk_fields(walk);
                let position = fields.iter().position(|f| *f == walk.focus).unwrap_or(0);
                focus_field(walk, fields[(position + 1) % fields.len()]);
            }
        }
        Action::Back if walk.mode == WalkMode::Editing => walk.mode = WalkMode::Browse,
        Action::Edit(op) if walk.mode == WalkMode::Editing => edit_note(walk, op, now, size),
        Action::Paste(pasted) if walk.focus.is_text() => {
            if walk.mode != WalkMode::Editing {
                start_editing(walk, size);
            }
            edit_note(walk, EditOp::Paste(pasted), now, size);
        }
        Action::SetScore(value) => match walk.focus {
            Field::Score(side) => {
                if walk.scan.framework.scale_level(value).is_some() {
                    set_answer(walk, side, Some(Answer::Score(value)), now);
                } else {
                    let (low, high) = scale_range(&walk.scan);
                    set_error(app, (text.not_on_scale)(value, low, high));
                }
            }
            Field::Agreement => {
                if let Some(level) = Agreement::ALL.get(usize::from(value).wrapping_sub(1)) {
                    set_agreement(walk, Some(*level), now);
                }
            }
            Field::Agenda(part) => match super::actions::set_digit(walk, part, value, now) {
                Ok(true) => {}
                Ok(false) => set_status(app, text.choose_score_field.to_string()),
                Err((low, high)) => set_error(app, (text.not_on_scale)(value, low, high)),
            },
            _ => set_status(app, text.choose_score_field.to_string()),
        },
        Action::SetUnknown | Action::SetNotApplicable => match walk.focus {
            Field::Score(side) => {
                let answer = if action == Action::SetUnknown {
                    Answer::Unknown
                } else {
                    Answer::NotApplicable
                };
                set_answer(walk, side, Some(answer), now);
            }
            _ => set_status(app, text.choose_score_field.to_string()),
        },
        Action::ClearAnswer => match walk.focus {
            Field::Score(side) => set_answer(walk, side, None, now),
            Field::Agreement => set_agreement(walk, None, now),
            Field::Agenda(part) => super::actions::clear(walk, part, now),
            Field::Note(_) => {}
        },
        Action::ChoiceNext | Action::ChoicePrev => {
            let forward = action == Action::ChoiceNext;
            match walk.focus {
                Field::Score(side) => {
                    let options = answer_options(&walk.scan);
                    let current = answer_slot(&walk.scan.answers[walk.current], side);
                    let next = cycle(&options, current, forward);
                    set_answer(walk, side, next, now);
                }
                Field::Agreement => {
                    let current = walk.scan.answers[walk.current].agreement;
                    let next = cycle(&Agreement::ALL, current, forward);
                    set_agreement(walk, next, now);
                }
                Field::Agenda(part) => super::actions::step(walk, part, forward, now),
                Field::Note(_) => {}
            }
        }
        Action::Save => return Some(Effect::SaveScan { auto: false }),
        Action::StartSaveAs => {
            let current = walk.path.display().to_string();
            app.overlay = Some(Overlay::SaveAs(TextInput::new(current)));
        }
        Action::ShowHelp => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::CloseScan => {
            if walk.dirty {
                app.overlay = Some(Overlay::ConfirmLeave);
            } else {
                return go_to_start(app);
            }
        }
        Action::Quit => {
            if walk.dirty {
                app.overlay = Some(Overlay::ConfirmQuit);
            } else {
                app.should_quit = true;
            }
        }
        _ => {}
    }
    None
}

pub(super) fn go_to_criterion(walk: &mut Walkthrough, index: usize) {
    walk.current = index.min(walk.scan.answers.len().saturating_sub(1));
    walk.mode = WalkMode::Browse;
    walk.focus = Field::Score(Side::Perspective(0));
    walk.cursor = TextCursor::default();
}

pub(super) fn focus_field(walk: &mut Walkthrough, field: Field) {
    walk.focus = field;
    walk.mode = WalkMode::Browse;
    walk.cursor = TextCursor::default();
}

pub(super) fn start_editing(walk: &mut Walkthrough, size: (u16, u16)) {
    let length = note_text(&walk.scan.answers[walk.current], walk.focus).map_or(0, String::len);
    walk.cursor = TextCursor {
        byte: length,
        ..TextCursor::default()
    };
    walk.mode = WalkMode::Editing;
    let viewport = view::walkthrough::focused_text_viewport(size, walk);
    if let Some(text) = note_text(&walk.scan.answers[walk.current], walk.focus) {
        text_edit::ensure_visible(text, &mut walk.cursor, viewport);
    }
}

/// Types into the focused note. The text editor says what it changed, and
/// that splice is what the journal records: no copy of the note per key.
fn edit_note(walk: &mut Walkthrough, op: EditOp, now: jiff::Timestamp, size: (u16, u16)) {
    let viewport = view::walkthrough::focused_text_viewport(size, walk);
    let Some(text_slot) = text_slot(walk, walk.focus) else {
        return;
    };
    let (focus, current) = (walk.focus, walk.current);
    if matches!(focus, Field::Agenda(_)) {
        edit_agenda_text(walk, text_slot, op, viewport, now);
        return;
    }
    let Some(answer) = walk.scan.answers.get_mut(current) else {
        return;
    };
    let Some(note) = note_text_mut(answer, focus) else {
        return;
    };
    let Some(splice) = text_edit::edit(note, &mut walk.cursor, op, viewport) else {
        return;
    };
    // The note holds the change already; what else an edit does to the
    // answer (`Edit::apply`) is marking it changed.
    answer.changed_at = Some(now);
    let criterion = criterion_id(walk);
    walk.dirty = true;
    walk.version.edited();
    walk.pending.push(Edit::Splice {
        criterion,
        text: text_slot,
        offset: splice.offset,
        removed: splice.removed,
        inserted: splice.inserted,
        at: now,
    });
}

/// Typing in an agenda text: edited on a copy (these texts are short), then
/// applied as a splice, which also creates an ambition not set before.
fn edit_agenda_text(
    walk: &mut Walkthrough,
    text_slot: TextSlot,
    op: EditOp,
    viewport: Viewport,
    now: jiff::Timestamp,
) {
    let Some(before) = note_text(&walk.scan.answers[walk.current], walk.focus) else {
        return;
    };
    // An owner is a name, one line like the names in a file (the gate
    // refuses a line break there, also when a journal is replayed).
    let op = match text_slot {
        TextSlot::ActionOwner(_) => single_line(op),
        _ => op,
    };
    let mut after = before.clone();
    let Some(splice) = text_edit::edit(&mut after, &mut walk.cursor, op, viewport) else {
        return;
    };
    let criterion = criterion_id(walk);
    apply_edit(
        walk,
        Edit::Splice {
            criterion,
            text: text_slot,
            offset: splice.offset,
            removed: splice.removed,
            inserted: splice.inserted,
            at: now,
        },
    );
}

/// Applies an edit to the open scan and queues it for the journal.
pub(super) fn apply_edit(walk: &mut Walkthrough, edit: Edit) {
    // Edits made here always fit the scan they were made on.
    if edit.apply(&mut walk.scan).is_ok() {
        walk.dirty = true;
        walk.version.edited();
        walk.pending.push(edit);
    }
}

/// The id of the criterion on screen.
pub(super) fn criterion_id(walk: &Walkthrough) -> String {
    walk.scan
        .framework
        .criterion_at(walk.current)
        .map_or_else(String::new, |entry| entry.criterion.id.clone())
}

/// The file-level name of a side: a perspective id or the joint answer.
fn slot(walk: &Walkthrough, side: Side) -> Option<Slot> {
    match side {
        Side::Perspective(index) => walk
            .scan
            .framework
            .perspectives
            .get(index)
            .map(|p| Slot::Perspective(p.id.clone())),
        Side::Consensus => Some(Slot::Consensus),
    }
}

fn text_slot(walk: &Walkthrough, field: Field) -> Option<TextSlot> {
    match field {
        Field::Note(side) => slot(walk, side).map(TextSlot::Note),
        Field::Agenda(part) => super::actions::agenda_text_slot(part),
        Field::Score(_) | Field::Agreement => None,
    }
}

/// After a resize the note being edited must still show its cursor.
pub(super) fn keep_cursor_visible(app: &mut App) {
    let size = app.size;
    if let Screen::Walkthrough(walk) = &mut app.screen
        && walk.mode == WalkMode::Editing
    {
        let viewport = view::walkthrough::focused_text_viewport(size, walk);
        if let Some(text) = note_text(&walk.scan.answers[walk.current], walk.focus) {
            text_edit::ensure_visible(text, &mut walk.cursor, viewport);
        }
    }
}

/// The text of a field that has none yet (an ambition not set).
pub(super) static NO_TEXT: String = String::new();

/// Every field of the criterion on screen, in Tab order.
pub(super) fn walk_fields(walk: &Walkthrough) -> Vec<Field> {
    Field::walk(
        walk.scan.framework.perspectives.len(),
        walk.scan.answers[walk.current].actions.len(),
    )
}

/// The text behind a text field.
pub fn note_text(answer: &CriterionAnswer, field: Field) -> Option<&String> {
    match field {
        Field::Note(Side::Perspective(index)) => answer.perspectives.get(index).map(|p| &p.note),
        Field::Note(Side::Consensus) => Some(&answer.consensus_note),
        Field::Agenda(part) => super::actions::agenda_text(answer, part),
        Field::Score(_) | Field::Agreement => None,
    }
}

fn note_text_mut(answer: &mut CriterionAnswer, field: Field) -> Option<&mut String> {
    match field {
        Field::Note(Side::Perspective(index)) => {
            answer.perspectives.get_mut(index).map(|p| &mut p.note)
        }
        Field::Note(Side::Consensus) => Some(&mut answer.consensus_note),
        // Agenda texts may not exist yet (an ambition not set): they change
        // through `Edit::apply`, which makes them (see `edit_agenda_text`).
        Field::Agenda(_) | Field::Score(_) | Field::Agreement => None,
    }
}

/// Whether a text field is marked private.
pub fn note_is_private(answer: &CriterionAnswer, field: Field) -> bool {
    match field {
        Field::Note(Side::Perspective(index)) => answer
            .perspectives
            .get(index)
            .is_some_and(|p| p.note_private),
        Field::Note(Side::Consensus) => answer.consensus_note_private,
        field @ Field::Agenda(_) => {
            super::actions::focused_action(answer, field).is_some_and(|action| action.private)
        }
        Field::Score(_) | Field::Agreement => false,
    }
}

/// The answer a score field shows.
pub fn answer_slot(answer: &CriterionAnswer, side: Side) -> Option<Answer> {
    match side {
        Side::Perspective(index) => answer.perspectives.get(index).and_then(|p| p.score),
        Side::Consensus => answer.consensus,
    }
}

pub(super) fn set_answer(
    walk: &mut Walkthrough,
    side: Side,
    value: Option<Answer>,
    now: jiff::Timestamp,
) {
    if answer_slot(&walk.scan.answers[walk.current], side) == value {
        return;
    }
    let Some(slot) = slot(walk, side) else {
        return;
    };
    let criterion = criterion_id(walk);
    apply_edit(
        walk,
        Edit::Score {
            criterion,
            slot,
            value,
            at: now,
        },
    );
}

pub(super) fn set_agreement(
    walk: &mut Walkthrough,
    value: Option<Agreement>,
    now: jiff::Timestamp,
) {
    if walk.scan.answers[walk.current].agreement == value {
        return;
    }
    let criterion = criterion_id(walk);
    apply_edit(
        walk,
        Edit::Agreement {
            criterion,
            value,
            at: now,
        },
    );
}

/// Every answer a score field can hold, in the order ←/→ walk through them.
fn answer_options(scan: &Scan) -> Vec<Answer> {
    let mut options: Vec<Answer> = scan
        .framework
        .scale
        .levels
        .iter()
        .map(|level| Answer::Score(level.value))
        .collect();
    options.extend([Answer::Unknown, Answer::NotApplicable]);
    options
}

/// The lowest and highest value of the scale.
pub fn scale_range(scan: &Scan) -> (u8, u8) {
    let levels = &scan.framework.scale.levels;
    (
        levels.first().map_or(1, |level| level.value),
        levels.last().map_or(1, |level| level.value),
    )
}

/// Typing in the "go to" list: the selection follows the criterion whose id
/// or title the query names; while nothing matches it stays where it is.
fn type_go_to(walk: &mut Walkthrough, op: EditOp) {
    match op {
        EditOp::Insert(c) => walk.goto_query.push(c),
        EditOp::Paste(text) => walk
            .goto_query
            .extend(text.chars().filter(|c| !c.is_control())),
        EditOp::Backspace => {
            walk.goto_query.pop();
        }
        _ => return,
    }
    if let Some(target) = crate::model::search::go_to_target(&walk.scan.framework, &walk.goto_query)
    {
        walk.mode = WalkMode::Navigator { selected: target };
    }
}

/// Steps through `options` with "nothing chosen" between the last and the first.
pub(super) fn cycle<T: Copy + PartialEq>(
    options: &[T],
    current: Option<T>,
    forward: bool,
) -> Option<T> {
    let position = current.and_then(|value| options.iter().position(|o| *o == value));
    match (position, forward) {
        (None, true) => options.first().copied(),
        (None, false) => options.last().copied(),
        (Some(index), true) => options.get(index + 1).copied(),
        (Some(0), false) => None,
        (Some(index), false) => options.get(index - 1).copied(),
    }
}
