//! The outcome screen's verdict override dialog.

use super::*;

/// The override dialog for a scan: the verdicts within one level of the
/// computed one (strongest first), with the scan's current override chosen.
pub(super) fn override_form(scan: &Scan) -> OverrideForm {
    let computed = evaluate(scan).computed_verdict;
    let options: Vec<Option<Verdict>> = [
        Verdict::Robust,
        Verdict::RobustWithAttention,
        Verdict::FollowUp,
    ]
    .into_iter()
    .filter_map(|verdict| {
        if verdict == computed {
            Some(None)
        } else if computed.one_level_up() == Some(verdict)
            || computed.one_level_down() == Some(verdict)
        {
            Some(Some(verdict))
        } else {
            None
        }
    })
    .collect();
    let current = scan
        .verdict_override
        .as_ref()
        .map(|over| over.verdict)
        .filter(|verdict| *verdict != computed);
    let choice = options
        .iter()
        .position(|option| *option == current)
        .unwrap_or_else(|| options.iter().position(Option::is_none).unwrap_or(0));
    let rationale = scan
        .verdict_override
        .as_ref()
        .map_or_else(String::new, |over| over.rationale.clone());
    OverrideForm {
        options,
        choice,
        rationale: TextInput::new(rationale),
        focus: OverrideField::Choice,
        error: None,
    }
}

/// The rationale box of the override dialog, for cursor movement.
fn override_viewport(size: (u16, u16)) -> Viewport {
    Viewport {
        width: size.0.saturating_sub(4).min(72).saturating_sub(4).max(1),
        height: 5,
    }
}

pub(super) fn update_override(app: &mut App, action: Action) -> Option<Effect> {
    let Some(Overlay::Override(mut form)) = app.overlay.take() else {
        return None;
    };
    let fields = [
        OverrideField::Choice,
        OverrideField::Rationale,
        OverrideField::Confirm,
    ];
    let position = fields.iter().position(|f| *f == form.focus).unwrap_or(0);
    match action {
        Action::Back => return None,
        Action::ChoicePrev => form.choice = form.choice.saturating_sub(1),
        Action::ChoiceNext => {
            form.choice = (form.choice + 1).min(form.options.len().saturating_sub(1))
        }
        Action::NextField => form.focus = fields[(position + 1) % fields.len()],
        Action::PrevField => form.focus = fields[(position + fields.len() - 1) % fields.len()],
        Action::Edit(op) if form.focus == OverrideField::Rationale => {
            text_edit::apply(
                &mut form.rationale.text,
                &mut form.rationale.cursor,
                op,
                override_viewport(app.size),
            );
            form.error = None;
        }
        Action::Paste(text) if form.focus == OverrideField::Rationale => {
            text_edit::apply(
                &mut form.rationale.text,
                &mut form.rationale.cursor,
                EditOp::Paste(text),
                override_viewport(app.size),
            );
        }
        Action::Confirm if form.focus == OverrideField::Confirm => {
            let rationale = form.rationale.text.trim().to_string();
            let chosen = form.options.get(form.choice).copied().flatten();
            if chosen.is_some() && rationale.is_empty() {
                form.error = Some(app.text.override_needs_rationale.to_string());
                app.overlay = Some(Overlay::Override(form));
                return None;
            }
            if let Screen::Walkthrough(walk) = &mut app.screen {
                let computed = evaluate(&walk.scan).computed_verdict;
                // Keeping the computed verdict with a rationale records that the
                // facilitator confirmed it; without one, there is no override.
                // Unknown keys the file had in `[verdict_override]` stay with it.
                let extra = walk
                    .scan
                    .verdict_override
                    .as_ref()
                    .map(|old| old.extra.clone())
                    .unwrap_or_default();
                let new = match (chosen, rationale.is_empty()) {
                    (Some(verdict), _) => Some(VerdictOverride {
                        verdict,
                        rationale,
                        extra,
                    }),
                    (None, false) => Some(VerdictOverride {
                        verdict: computed,
                        rationale,
                        extra,
                    }),
                    (None, true) => None,
                };
                if walk.scan.verdict_override != new {
                    apply_edit(walk, Edit::Override(new));
                }
            }
            return None;
        }
        _ => {}
    }
    app.overlay = Some(Overlay::Override(form));
    None
}

/// Whether an action would change the scan (refused in read-only mode).
pub(super) fn changes_the_scan(action: &Action, walk: &Walkthrough) -> bool {
    match action {
        Action::SetScore(_)
        | Action::SetUnknown
        | Action::SetNotApplicable
        | Action::ClearAnswer
        | Action::Skip
        | Action::Paste(_)
        | Action::Edit(_)
        | Action::OverrideVerdict
        | Action::AddAgendaAction
        | Action::RemoveAgendaAction
        | Action::Save => true,
        Action::ChoiceNext | Action::ChoicePrev => {
            matches!(walk.mode, WalkMode::Browse) && !walk.focus.is_text()
        }
        Action::Confirm => walk.mode == WalkMode::Browse && walk.focus.is_text(),
        _ => false,
    }
}
