//! The new-scan form: fields, participants and creating the file.

use super::*;

pub(super) fn update_form(app: &mut App, action: Action) -> Option<Effect> {
    let frameworks = app.frameworks.len();
    let scans_dir = app.paths.scans_dir.clone();
    let size = app.size;
    let Screen::NewScan(form) = &mut app.screen else {
        return None;
    };
    let position = FormField::ALL
        .iter()
        .position(|field| *field == form.focus)
        .unwrap_or(0);
    match action {
        Action::NextField => {
            form.focus = FormField::ALL[(position + 1).min(FormField::ALL.len() - 1)];
            None
        }
        Action::PrevField => {
            form.focus = FormField::ALL[position.saturating_sub(1)];
            None
        }
        Action::ChoiceNext | Action::ChoicePrev if form.focus == FormField::Framework => {
            form.framework = if action == Action::ChoiceNext {
                (form.framework + 1) % frameworks
            } else {
                (form.framework + frameworks - 1) % frameworks
            };
            None
        }
        Action::Confirm if form.focus == FormField::Start => {
            let prepared = prepare_new_scan(app);
            match prepared {
                Ok((path, scan)) => Some(Effect::CreateScan {
                    path,
                    scan: Box::new(scan),
                }),
                Err(message) => {
                    if let Screen::NewScan(form) = &mut app.screen {
                        form.error = Some(message);
                    }
                    None
                }
            }
        }
        Action::Confirm => {
            form.focus = FormField::ALL[(position + 1).min(FormField::ALL.len() - 1)];
            None
        }
        Action::Edit(op) => {
            edit_form_field(form, op, &scans_dir, size);
            None
        }
        Action::Paste(pasted) => {
            edit_form_field(form, EditOp::Paste(pasted), &scans_dir, size);
            None
        }
        Action::Back => go_to_start(app),
        Action::ShowHelp => {
            app.overlay = Some(Overlay::Help { scroll: 0 });
            None
        }
        Action::Quit => {
            app.should_quit = true;
            None
        }
        _ => None,
    }
}

fn edit_form_field(form: &mut NewScanForm, op: EditOp, scans_dir: &Path, size: (u16, u16)) {
    let field = form.focus;
    let op = if field.is_multiline() {
        op
    } else {
        single_line(op)
    };
    let viewport = view::new_scan::input_viewport(size, field, form);
    let Some(input) = form.input_mut(field) else {
        return;
    };
    let changed = text_edit::apply(&mut input.text, &mut input.cursor, op, viewport);
    if !changed {
        return;
    }
    form.error = None;
    match field {
        FormField::File => form.file_edited = true,
        FormField::Region | FormField::Date => suggest_file_name(form, scans_dir),
        _ => {}
    }
}

/// Until the user types a file name, it follows the region and the date.
pub(super) fn suggest_file_name(form: &mut NewScanForm, scans_dir: &Path) {
    if form.file_edited {
        return;
    }
    let slug = slug(&form.region.text);
    let name = if slug.is_empty() {
        format!("scan-{}.toml", form.date.text.trim())
    } else {
        format!("{slug}-{}.toml", form.date.text.trim())
    };
    form.file = TextInput::new(scans_dir.join(name).display().to_string());
}

/// A file-name-safe form of a region name: "Regio Noord-Veluwe" → "regio-noord-veluwe".
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Checks the form and builds the new scan, or says what to fix.
fn prepare_new_scan(app: &App) -> Result<(PathBuf, Scan), String> {
    let Screen::NewScan(form) = &app.screen else {
        return Err(String::new());
    };
    let text = app.text;
    let region = form.region.text.trim();
    if region.is_empty() {
        return Err(text.region_required.to_string());
    }
    let date: Date = form
        .date
        .text
        .trim()
        .parse()
        .map_err(|_| (text.bad_date)(form.date.text.trim()))?;
    let choice = app
        .frameworks
        .get(form.framework)
        .ok_or_else(|| text.no_frameworks.to_string())?;
    let framework = choice.framework.clone();
    let participants = parse_participants(&form.participants.text, &framework, text)?;
    let typed_file = form.file.text.trim();
    if typed_file.is_empty() {
        return Err(text.file_required.to_string());
    }
    let path = resolve_path(&app.paths.scans_dir, typed_file);
    if path.exists() {
        return Err((text.file_exists)(&path.display().to_string()));
    }
    let meta = ScanMeta {
        region: region.to_string(),
        date,
        facilitator: form.facilitator.text.trim().to_string(),
        note_taker: form.note_taker.text.trim().to_string(),
        participants,
    };
    Ok((path, Scan::new(meta, framework)))
}

/// One participant per line, `naam; organisatie; perspectief`. The perspective
/// may be abbreviated ("g" for gemeenten) and may be left out when the
/// framework has a single perspective.
pub fn parse_participants(
    list: &str,
    framework: &crate::model::Framework,
    text: &crate::i18n::Catalogue,
) -> Result<Vec<Participant>, String> {
    let mut participants = Vec::new();
    for (number, line) in list.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default().to_string();
        let organisation = parts.next().unwrap_or_default().to_string();
        let wanted = parts.next().unwrap_or_default().to_lowercase();
        let matching: Vec<_> = framework
            .perspectives
            .iter()
            .filter(|p| {
                !wanted.is_empty()
                    && (p.id.to_lowercase().starts_with(&wanted)
                        || p.label.to_lowercase().starts_with(&wanted))
            })
            .collect();
        let perspective = match (matching.as_slice(), framework.perspectives.as_slice()) {
            ([one], _) => one.id.clone(),
            ([], [only]) if wanted.is_empty() => only.id.clone(),
            _ => {
                // Labels, not ids: they are in the framework's language, and
                // a label's start is accepted as well as an id's.
                let options: Vec<String> = framework
                    .perspectives
                    .iter()
                    .map(|p| p.label.to_lowercase())
                    .collect();
                return Err((text.bad_participant)(
                    number + 1,
                    line.trim(),
                    &options.join(", "),
                ));
            }
        };
        if name.is_empty() {
            return Err((text.bad_participant)(number + 1, line.trim(), ""));
        }
        participants.push(Participant {
            name,
            organisation,
            perspective,
            ..Participant::default()
        });
    }
    Ok(participants)
}
