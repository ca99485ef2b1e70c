//! Overlays on top of any screen: messages, help, the locked-scan question, search and the agenda.

use super::*;

pub(super) fn update_overlay(app: &mut App, action: Action) -> Option<Effect> {
    if matches!(app.overlay, Some(Overlay::Override(_))) {
        return update_override(app, action);
    }
    if matches!(app.overlay, Some(Overlay::Conflicts { .. })) {
        return super::conflicts::update_conflicts(app, action);
    }
    if matches!(app.overlay, Some(Overlay::Search { .. })) {
        update_search(app, action);
        return None;
    }
    let help_end = view::help::max_scroll(app, app.size);
    let overlay = app.overlay.as_mut()?;
    match (overlay, action) {
        (Overlay::Help { scroll }, Action::Up) => {
            *scroll = scroll.saturating_sub(1);
            None
        }
        (Overlay::Help { scroll }, Action::Down) => {
            *scroll = (*scroll + 1).min(help_end);
            None
        }
        (Overlay::Help { scroll }, Action::PageUp) => {
            *scroll = scroll.saturating_sub(page(app.size));
            None
        }
        (Overlay::Help { scroll }, Action::PageDown) => {
            *scroll = (*scroll + page(app.size)).min(help_end);
            None
        }
        (_, Action::Back) => {
            app.overlay = None;
            None
        }
        (Overlay::ConfirmQuit | Overlay::ConfirmLeave, Action::SaveAndQuit) => {
            let after = match app.overlay.take() {
                Some(Overlay::ConfirmQuit) => AfterSave::Quit,
                _ => AfterSave::CloseScan,
            };
            app.pending_after_save = Some(after);
            Some(Effect::SaveScan { auto: false })
        }
        (Overlay::ConfirmQuit, Action::DiscardAndQuit) => {
            app.overlay = None;
            app.should_quit = true;
            None
        }
        (Overlay::ConfirmLeave, Action::DiscardAndQuit) => {
            app.overlay = None;
            go_to_start(app)
        }
        (Overlay::Locked { path, .. }, Action::OpenReadOnly) => {
            let path = path.clone();
            app.overlay = None;
            Some(Effect::OpenReadOnly(path))
        }
        (Overlay::Locked { path, .. }, Action::OpenCopy) => {
            let path = path.clone();
            app.overlay = None;
            Some(Effect::OpenCopy(path))
        }
        (Overlay::OpenPath(input) | Overlay::SaveAs(input), Action::Edit(op)) => {
            let op = single_line(op);
            text_edit::apply(&mut input.text, &mut input.cursor, op, ONE_LINE);
            None
        }
        (Overlay::OpenPath(input) | Overlay::SaveAs(input), Action::Paste(text)) => {
            text_edit::apply(
                &mut input.text,
                &mut input.cursor,
                single_line(EditOp::Paste(text)),
                ONE_LINE,
            );
            None
        }
        (Overlay::OpenPath(input) | Overlay::SaveAs(input), Action::Confirm) => {
            let typed = input.text.trim();
            if typed.is_empty() {
                return None;
            }
            let path = resolve_path(&app.paths.scans_dir, typed);
            let effect = match app.overlay.take() {
                Some(Overlay::SaveAs(_)) => Effect::SaveAs(path),
                _ => Effect::OpenScan(path),
            };
            Some(effect)
        }
        _ => None,
    }
}

fn update_search(app: &mut App, action: Action) {
    let Some(Overlay::Search {
        mut query,
        mut selected,
    }) = app.overlay.take()
    else {
        return;
    };
    let Screen::Walkthrough(walk) = &mut app.screen else {
        return;
    };
    let hits = search::search(&walk.scan, &query.text);
    match action {
        Action::Back => return,
        Action::Up => selected = selected.saturating_sub(1),
        Action::Down => selected = (selected + 1).min(hits.len().saturating_sub(1)),
        // A new query starts at its first hit.
        Action::Edit(op) => {
            let changed = text_edit::apply(
                &mut query.text,
                &mut query.cursor,
                single_line(op),
                ONE_LINE,
            );
            selected = if changed { 0 } else { selected };
        }
        Action::Paste(text) => {
            let op = single_line(EditOp::Paste(text));
            let changed = text_edit::apply(&mut query.text, &mut query.cursor, op, ONE_LINE);
            selected = if changed { 0 } else { selected };
        }
        Action::Confirm => {
            if let Some(hit) = hits.get(selected) {
                go_to_criterion(walk, hit.index);
                // Land on the note that matched, ready to read on.
                walk.focus = match &hit.place {
                    search::Place::Note(label) => walk
                        .scan
                        .framework
                        .perspectives
                        .iter()
                        .position(|p| &p.label == label)
                        .map_or(walk.focus, |index| Field::Note(Side::Perspective(index))),
                    search::Place::ConsensusNote => Field::Note(Side::Consensus),
                    // The agenda: the first action, or the ambition when there is none.
                    search::Place::Action if !walk.scan.answers[hit.index].actions.is_empty() => {
                        Field::Agenda(crate::tui::app::AgendaPart::What(0))
                    }
                    search::Place::Action => {
                        Field::Agenda(crate::tui::app::AgendaPart::AmbitionNeeded)
                    }
                    _ => walk.focus,
                };
                return;
            }
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Search { query, selected });
}
