//! The many-scans half (issue 11): compare, overview, homework, merge with
//! attributed conflicts, and the git merge driver driven through real git.
//! Every run writes only inside its own temp dir.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use predicates::str::contains;
use tempfile::TempDir;
use zelfscan::model::compare::{Change, NotComparable, compare};
use zelfscan::model::conflict::{
    ConflictOption, FieldConflict, FieldValue, combined_notes, resolve, score_spread,
};
use zelfscan::model::merge::merge;
use zelfscan::model::overview::overview;
use zelfscan::model::{Agreement, Answer, Scan, Verdict};
use zelfscan::storage::{load_scan, parse_scan, save_scan, scan_to_toml};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples")
}

fn load(relative: &str) -> Scan {
    let path = examples().join(relative);
    load_scan(&path)
        .unwrap_or_else(|error| panic!("{relative}: {error:?}"))
        .value
}

/// `zelfscan` with its own home, in Dutch.
fn zelfscan(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zelfscan"));
    command
        .env("ZELFSCAN_HOME", home)
        .env("ZELFSCAN_LANG", "nl")
        .current_dir(home);
    command
}

fn index(scan: &Scan, id: &str) -> usize {
    scan.framework.criterion_index(id).expect(id)
}

fn perspective(scan: &Scan, id: &str) -> usize {
    scan.framework.perspective_index(id).expect(id)
}

// ---------------------------------------------------------------------------
// The example files.

#[test]
fn the_new_examples_load_without_warnings_and_are_canonical() {
    for file in [
        "huiswerk/zilverhaven-gemeenten.toml",
        "huiswerk/zilverhaven-aanbieders.toml",
        "later/turfvaart-2027.toml",
    ] {
        let path = examples().join(file);
        let loaded = load_scan(&path).expect(file);
        assert!(loaded.warnings.is_empty(), "{file}: {:?}", loaded.warnings);
        let text = fs::read_to_string(&path).expect("readable");
        assert!(
            scan_to_toml(&loaded.value) == text,
            "{file} is not canonical"
        );
    }
    assert_eq!(
        load("huiswerk/zilverhaven-gemeenten.toml")
            .prepared_for
            .as_deref(),
        Some("gemeenten")
    );
    let later = load("later/turfvaart-2027.toml");
    assert_eq!(later.meta.region, load("vervolgtraject.toml").meta.region);
}

// ---------------------------------------------------------------------------
// Compare.

#[test]
fn compare_shows_then_and_now_per_theme_and_criterion() {
    let old = load("vervolgtraject.toml");
    let new = load("later/turfvaart-2027.toml");
    let comparison = compare(&old, &new);
    assert_eq!(comparison.old_verdict, Verdict::FollowUp);
    assert!(comparison.new_total > comparison.old_total);
    assert_eq!(comparison.total_change(), Some(Change::Up));
    let vis3 = comparison
        .criteria
        .iter()
        .find(|c| c.criterion_id == "VIS-3")
        .expect("VIS-3");
    assert_eq!(
        (vis3.old, vis3.new, vis3.change()),
        (Some(1), Some(3), Some(Change::Up))
    );
    let vis2 = comparison
        .criteria
        .iter()
        .find(|c| c.criterion_id == "VIS-2")
        .expect("VIS-2");
    assert_eq!(vis2.change(), Some(Change::Same));
    let t1 = &comparison.themes[0];
    assert_eq!(t1.change(), Some(Change::Up));
    assert!(comparison.stopped_attention.contains(&"VIS-3".to_string()));
    assert!(comparison.not_comparable.is_empty());
    // Backwards, what stopped being a point of attention became one.
    let back = compare(&new, &old);
    assert_eq!(back.became_attention, comparison.stopped_attention);
}

#[test]
fn compare_lists_what_cannot_be_compared() {
    let old = load("vervolgtraject.toml");
    let mut new = load("later/turfvaart-2027.toml");
    new.framework.version = "2027.1".into();
    let last_theme = new.framework.themes.len() - 1;
    let removed = new.framework.themes[last_theme]
        .criteria
        .pop()
        .expect("a criterion");
    new.answers.pop();
    let comparison = compare(&old, &new);
    assert!(
        comparison
            .not_comparable
            .contains(&NotComparable::DifferentVersion {
                old: "2026.1".into(),
                new: "2027.1".into()
            })
    );
    assert!(
        comparison
            .not_comparable
            .contains(&NotComparable::CriterionOnlyInOld {
                criterion_id: removed.id.clone()
            })
    );
    assert!(
        comparison
            .criteria
            .iter()
            .all(|c| c.criterion_id != removed.id)
    );
}

#[test]
fn compare_writes_every_format_and_the_html_has_a_chart() {
    let home = TempDir::new().expect("temp dir");
    let old = examples().join("vervolgtraject.toml");
    let new = examples().join("later/turfvaart-2027.toml");
    let run = |format: &str| -> String {
        let output = zelfscan(home.path())
            .args(["compare", "--format", format])
            .arg(&old)
            .arg(&new)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{format}: {output:?}");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let md = run("md");
    assert!(
        md.contains("| VIS-3 | Vertaald naar agenda en doelen | 1 | 3 | +2,00 hoger |"),
        "{md}"
    );
    assert!(md.contains("## Geen aandachtspunt meer"), "{md}");
    let html = run("html");
    assert!(html.contains("<svg") && html.contains("<rect"), "{html}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("JSON");
    assert_eq!(json["old"]["verdict"], "vervolgtraject");
    assert_eq!(json["criteria"][2]["change"], "hoger");
    let csv = run("csv");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert!(
        rows.iter()
            .any(|row| &row[0] == "VIS-3" && &row[2] == "1" && &row[3] == "3")
    );
    // --output writes the file; an output that is one of the scans is refused.
    let out = home.path().join("vergelijking.html");
    zelfscan(home.path())
        .args(["compare", "--format", "html", "--output"])
        .arg(&out)
        .arg(&old)
        .arg(&new)
        .assert()
        .success();
    assert!(fs::read_to_string(&out).expect("written").contains("<svg"));
    let copy = home.path().join("oud.toml");
    fs::copy(&old, &copy).expect("copy");
    let before = fs::read(&copy).expect("read");
    zelfscan(home.path())
        .args(["compare", "--output"])
        .arg(&copy)
        .arg(&copy)
        .arg(&new)
        .assert()
        .code(2);
    assert_eq!(fs::read(&copy).expect("read"), before);
}

// ---------------------------------------------------------------------------
// Overview.

fn top_examples() -> Vec<(String, Scan)> {
    [
        "robuust.toml",
        "robuust-met-aandachtspunten.toml",
        "vervolgtraject.toml",
        "bijgesteld-naar-aandachtspunten.toml",
        "onvoltooid.toml",
    ]
    .into_iter()
    .map(|name| (name.to_string(), load(name)))
    .collect()
}

#[test]
fn overview_counts_verdicts_and_spreads_and_suppresses_small_groups() {
    let scans = top_examples();
    let picture = overview(&scans, 5);
    assert_eq!(picture.groups.len(), 1);
    let group = &picture.groups[0];
    assert_eq!(group.rows.len(), 5);
    let counts = group.verdict_counts.as_ref().expect("shown at 5");
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 5);
    assert_eq!(
        counts
            .iter()
            .find(|(v, _)| *v == Verdict::Robust)
            .map(|(_, n)| *n),
        Some(1)
    );
    // VIS-1 was scored in all five: 4, 3, 4, 3, 2 (sorted 2 3 3 4 4) or similar; the median is a middle value.
    let vis1 = &group.spreads[0];
    assert_eq!(vis1.scored, 5);
    assert!(vis1.median.is_some() && vis1.lowest <= vis1.highest);
    // A criterion fewer than five scans scored is suppressed on its own.
    let sam2 = group
        .spreads
        .iter()
        .find(|s| s.criterion_id == "SAM-2")
        .expect("SAM-2");
    assert_eq!((sam2.scored, sam2.median), (4, None));

    let suppressed = overview(&scans, 6);
    assert!(suppressed.groups[0].suppressed);
    assert_eq!(suppressed.groups[0].verdict_counts, None);
    assert!(
        suppressed.groups[0]
            .spreads
            .iter()
            .all(|s| s.median.is_none())
    );
}

#[test]
fn overview_groups_frameworks_and_versions_and_leaves_homework_out() {
    let mut scans = top_examples();
    scans[1].1.framework.version = "2027.1".into();
    scans.push((
        "huiswerk.toml".into(),
        load("huiswerk/zilverhaven-gemeenten.toml"),
    ));
    let picture = overview(&scans, 1);
    assert_eq!(picture.groups.len(), 2);
    assert_eq!(picture.groups[0].rows.len(), 4);
    assert_eq!(picture.groups[1].framework_version, "2027.1");
    assert_eq!(picture.homework_left_out, 1);
}

#[test]
fn overview_searches_folders_and_lists_bad_files_without_touching_them() {
    let home = TempDir::new().expect("temp dir");
    let folder = home.path().join("scans");
    fs::create_dir_all(folder.join("sub")).expect("mkdir");
    for name in ["robuust.toml", "vervolgtraject.toml"] {
        fs::copy(examples().join(name), folder.join("sub").join(name)).expect("copy");
    }
    // A framework file among the scans is no scan and no problem.
    let framework = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/frameworks"))
        .expect("bundled frameworks")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .expect("a framework file");
    fs::copy(&framework, folder.join("sub").join("kader.toml")).expect("copy");
    let broken = folder.join("kapot.toml");
    let bytes = b"schema_version = 1\nregion = \"X\"\ndate = \"2026-13-01\"\n[framework]\n";
    fs::write(&broken, bytes).expect("write");
    let output = zelfscan(home.path())
        .args(["overview", "--min-group", "2"])
        .arg(&folder)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("kapot.toml:3:"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("# Overzicht van 2 scans"), "{stdout}");
    assert!(stdout.contains("2 regio's, 1 robuust"), "{stdout}");
    assert_eq!(fs::read(&broken).expect("read"), bytes);
    // The default threshold of 5 suppresses the counts of a group of two.
    zelfscan(home.path())
        .args(["overview", "--format", "html"])
        .arg(folder.join("sub"))
        .assert()
        .success()
        .stdout(contains("Minder dan 5 scans"))
        .stdout(contains("background:"));
}

// ---------------------------------------------------------------------------
// Homework and merge.

#[test]
fn new_with_a_perspective_makes_homework_for_that_side() {
    let home = TempDir::new().expect("temp dir");
    let file = home.path().join("huiswerk.toml");
    zelfscan(home.path())
        .args([
            "new",
            "--region",
            "Regio Test",
            "--perspective",
            "aanbieders",
            "--no-open",
            "--output",
        ])
        .arg(&file)
        .assert()
        .success();
    let scan = load_scan(&file).expect("loads").value;
    assert_eq!(scan.prepared_for.as_deref(), Some("aanbieders"));
    zelfscan(home.path())
        .args([
            "new",
            "--region",
            "Regio Test",
            "--perspective",
            "rijk",
            "--no-open",
            "--output",
        ])
        .arg(home.path().join("ander.toml"))
        .assert()
        .code(2)
        .stderr(contains("rijk"));
    assert!(!home.path().join("ander.toml").exists());
}

#[test]
fn homework_of_both_sides_merges_cleanly_with_every_score_and_note() {
    let home = TempDir::new().expect("temp dir");
    let gemeenten = examples().join("huiswerk/zilverhaven-gemeenten.toml");
    let aanbieders = examples().join("huiswerk/zilverhaven-aanbieders.toml");
    let out = home.path().join("samen.toml");
    zelfscan(home.path())
        .arg("merge")
        .arg(&gemeenten)
        .arg(&aanbieders)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(0)
        .stdout(contains("zonder conflicten"));
    let merged = load_scan(&out).expect("loads").value;
    assert_eq!(merged.prepared_for, None);
    for input in [&gemeenten, &aanbieders] {
        let side = load_scan(input).expect("loads").value;
        let p = perspective(&side, side.prepared_for.as_deref().expect("homework"));
        for (mine, theirs) in side.answers.iter().zip(&merged.answers) {
            assert_eq!(mine.perspectives[p], theirs.perspectives[p]);
        }
    }
    assert_eq!(merged.meta.participants.len(), 3);
    zelfscan(home.path())
        .arg("check")
        .arg(&out)
        .assert()
        .success();
}

/// Two participants of one side, with a different score and note on VIS-1.
fn two_participants(home: &Path) -> (PathBuf, PathBuf) {
    let base = load("huiswerk/zilverhaven-gemeenten.toml");
    let p = perspective(&base, "gemeenten");
    let vis1 = index(&base, "VIS-1");
    let mut anna = base.clone();
    anna.answers[vis1].perspectives[p].score = Some(Answer::Score(2));
    anna.answers[vis1].perspectives[p].note = "Anna: twee raden twijfelen.".into();
    let mut bert = base.clone();
    bert.answers[vis1].perspectives[p].score = Some(Answer::Score(4));
    let anna_path = home.join("huiswerk-gemeenten-anna.toml");
    let bert_path = home.join("huiswerk-gemeenten-bert.toml");
    save_scan(&anna_path, &anna).expect("save");
    save_scan(&bert_path, &bert).expect("save");
    (anna_path, bert_path)
}

#[test]
fn the_same_field_given_different_values_becomes_an_attributed_conflict() {
    let home = TempDir::new().expect("temp dir");
    let (anna, bert) = two_participants(home.path());
    let out = home.path().join("samen.toml");
    let before = (
        fs::read(&anna).expect("read"),
        fs::read(&bert).expect("read"),
    );
    zelfscan(home.path())
        .arg("merge")
        .arg(&anna)
        .arg(&bert)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(1)
        .stdout(contains("2 conflict"));
    assert_eq!(
        (
            fs::read(&anna).expect("read"),
            fs::read(&bert).expect("read")
        ),
        before,
        "inputs untouched"
    );
    let text = fs::read_to_string(&out).expect("written");
    assert!(
        text.contains("[[answers.VIS-1.conflicts]]\nfield = \"gemeenten.score\""),
        "{text}"
    );
    assert!(
        text.contains("from = \"huiswerk-gemeenten-anna.toml\"\nvalue = 2"),
        "{text}"
    );
    zelfscan(home.path())
        .arg("check")
        .arg(&out)
        .assert()
        .success();
    let merged = load_scan(&out).expect("loads").value;
    let vis1 = &merged.answers[index(&merged, "VIS-1")];
    let p = perspective(&merged, "gemeenten");
    assert_eq!(vis1.perspectives[p].score, None, "undecided until chosen");
    assert_eq!(score_spread(vis1, "gemeenten"), Some((2, 4, 2)));
    let note = vis1
        .conflicts
        .iter()
        .find(|c| c.field == "gemeenten.note")
        .expect("note conflict");
    assert!(combined_notes(note).contains("Anna: twee raden twijfelen."));

    // The facilitator picks a score; the conflict is gone and nothing else changed.
    let mut chosen = merged.clone();
    let framework = chosen.framework.clone();
    let answer = &mut chosen.answers[index(&merged, "VIS-1")];
    assert!(resolve(
        answer,
        &framework,
        "gemeenten.score",
        &FieldValue::Answer(Answer::Score(3))
    ));
    assert_eq!(answer.perspectives[p].score, Some(Answer::Score(3)));
    assert_eq!(answer.conflicts.len(), 1);
    assert!(!resolve(
        answer,
        &framework,
        "gemeenten.score",
        &FieldValue::Empty
    ));
}

#[test]
fn merge_refuses_to_write_over_an_input_and_never_writes_after_a_bad_input() {
    let home = TempDir::new().expect("temp dir");
    let (anna, bert) = two_participants(home.path());
    let before = fs::read(&anna).expect("read");
    zelfscan(home.path())
        .arg("merge")
        .arg(&anna)
        .arg(&bert)
        .arg("--output")
        .arg(&anna)
        .assert()
        .code(2)
        .stderr(contains("invoerbestanden"));
    assert_eq!(fs::read(&anna).expect("read"), before);
    let broken = home.path().join("kapot.toml");
    fs::write(&broken, "schema_version = 1\nregion = 3\n").expect("write");
    let out = home.path().join("samen.toml");
    zelfscan(home.path())
        .arg("merge")
        .arg(&anna)
        .arg(&broken)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("kapot.toml:"));
    assert!(!out.exists());
}

#[test]
fn conflicts_survive_a_save_and_a_load() {
    let mut scan = load("huiswerk/zilverhaven-gemeenten.toml");
    let vis2 = index(&scan, "VIS-2");
    scan.answers[vis2].conflicts = vec![
        FieldConflict {
            field: "agreement".into(),
            options: vec![
                ConflictOption {
                    from: "ours".into(),
                    value: FieldValue::Agreement(Agreement::WithReservation),
                },
                ConflictOption {
                    from: "theirs".into(),
                    value: FieldValue::Empty,
                },
            ],
        },
        FieldConflict {
            field: "consensus_note".into(),
            options: vec![
                ConflictOption {
                    from: "a.toml, b.toml".into(),
                    value: FieldValue::Text("regel één\nregel \"twee\"".into()),
                },
                ConflictOption {
                    from: "c.toml".into(),
                    value: FieldValue::Text("anders".into()),
                },
            ],
        },
    ];
    let text = scan_to_toml(&scan);
    let loaded = parse_scan(&text).expect("parses");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.value, scan);
    // A conflict value is checked as its field is: 7 is not on the scale.
    let bad = text.replace("field = \"agreement\"", "field = \"consensus\"");
    assert!(parse_scan(&bad).is_err());
}

#[test]
fn merge_lists_what_it_cannot_match_and_refuses_other_frameworks() {
    let mut newer = load("huiswerk/zilverhaven-aanbieders.toml");
    newer.framework.version = "2027.1".into();
    let older = {
        let mut scan = load("huiswerk/zilverhaven-gemeenten.toml");
        let last = scan.framework.themes.len() - 1;
        scan.framework.themes[last].criteria.pop();
        scan.answers.pop();
        scan
    };
    let outcome = merge(&[("oud.toml".into(), older), ("nieuw.toml".into(), newer)])
        .expect("same framework id");
    assert!(!outcome.is_clean());
    assert!(outcome.unmatched.iter().any(|u| u.from == "nieuw.toml"
        && u.field == "aanbieders.score"
        && u.criterion_id == "LER-3"));
    let mut other = load("robuust.toml");
    other.framework.id = "ander-kader".into();
    assert!(merge(&[("a".into(), load("robuust.toml")), ("b".into(), other)]).is_err());
}

// ---------------------------------------------------------------------------
// The git merge driver, through real git.

struct Repo {
    dir: TempDir,
}

impl Repo {
    fn new(with_driver: bool) -> Self {
        let dir = TempDir::new().expect("temp dir");
        let repo = Self { dir };
        repo.git(&["init", "-q", "-b", "main"]);
        if with_driver {
            fs::write(
                repo.path().join(".gitattributes"),
                "*.toml merge=zelfscan\n",
            )
            .expect("write");
            let driver = format!("'{}' merge-driver %O %A %B", env!("CARGO_BIN_EXE_zelfscan"));
            repo.git(&["config", "merge.zelfscan.driver", &driver]);
        }
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        Process::new("git")
            .args(args)
            .current_dir(self.path())
            // Only this repository's settings: no user or system config.
            .env("HOME", self.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.org")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.org")
            .env("ZELFSCAN_HOME", self.path())
            .env("ZELFSCAN_LANG", "nl")
            .output()
            .expect("git runs")
    }

    fn git(&self, args: &[&str]) {
        let output = self.run(args);
        assert!(output.status.success(), "git {args:?}: {output:?}");
    }

    fn commit_scan(&self, scan: &Scan, message: &str) {
        save_scan(&self.path().join("scan.toml"), scan).expect("save");
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn scan(&self) -> Scan {
        load_scan(&self.path().join("scan.toml"))
            .expect("loads")
            .value
    }
}

/// A scan with no answers yet, then two branches that each answer.
fn diverge(
    repo: &Repo,
    ours: impl Fn(&mut Scan),
    theirs: impl Fn(&mut Scan),
) -> std::process::Output {
    let mut base = load("vervolgtraject.toml");
    let framework = base.framework.clone();
    base = Scan::new(base.meta.clone(), framework);
    repo.commit_scan(&base, "base");
    repo.git(&["checkout", "-q", "-b", "theirs"]);
    let mut scan = base.clone();
    theirs(&mut scan);
    repo.commit_scan(&scan, "theirs");
    repo.git(&["checkout", "-q", "main"]);
    let mut scan = base;
    ours(&mut scan);
    repo.commit_scan(&scan, "ours");
    repo.run(&["merge", "-q", "--no-edit", "theirs"])
}

fn set_consensus(id: &'static str, score: u8) -> impl Fn(&mut Scan) {
    move |scan: &mut Scan| {
        let index = scan.framework.criterion_index(id).expect(id);
        scan.answers[index].consensus = Some(Answer::Score(score));
        scan.answers[index].agreement = Some(Agreement::Consensus);
    }
}

fn git_available() -> bool {
    Process::new("git").arg("--version").output().is_ok()
}

#[test]
fn answers_to_different_criteria_at_the_same_place_merge_cleanly_with_the_driver() {
    assert!(git_available(), "git is needed (.ci/run installs it)");
    // Without the driver, git's line merge conflicts: both answers land
    // between the participants and the framework.
    let plain = Repo::new(false);
    let output = diverge(&plain, set_consensus("VIS-1", 3), set_consensus("SAM-1", 2));
    assert!(!output.status.success(), "line merge should conflict");

    let repo = Repo::new(true);
    let output = diverge(&repo, set_consensus("VIS-1", 3), set_consensus("SAM-1", 2));
    assert!(output.status.success(), "{output:?}");
    let merged = repo.scan();
    assert_eq!(
        merged.answers[index(&merged, "VIS-1")].consensus,
        Some(Answer::Score(3))
    );
    assert_eq!(
        merged.answers[index(&merged, "SAM-1")].consensus,
        Some(Answer::Score(2))
    );
    assert!(merged.answers.iter().all(|a| a.conflicts.is_empty()));
}

#[test]
fn the_same_field_changed_on_both_branches_is_a_conflict_inside_a_valid_scan() {
    assert!(git_available(), "git is needed (.ci/run installs it)");
    let repo = Repo::new(true);
    let output = diverge(&repo, set_consensus("VIS-1", 3), set_consensus("VIS-1", 1));
    assert!(!output.status.success(), "git must report the conflict");
    let status = String::from_utf8_lossy(&repo.run(&["status", "--porcelain"]).stdout).into_owned();
    assert!(status.contains("UU scan.toml"), "{status}");
    let text = fs::read_to_string(repo.path().join("scan.toml")).expect("read");
    assert!(!text.contains("<<<<<<<"), "no text markers");
    zelfscan(repo.path())
        .arg("check")
        .arg(repo.path().join("scan.toml"))
        .assert()
        .success();
    let merged = repo.scan();
    let vis1 = &merged.answers[index(&merged, "VIS-1")];
    assert_eq!(vis1.consensus, None);
    assert_eq!(
        vis1.agreement,
        Some(Agreement::Consensus),
        "both agreed on this field"
    );
    assert_eq!(
        vis1.conflicts,
        vec![FieldConflict {
            field: "consensus".into(),
            options: vec![
                ConflictOption {
                    from: "ours".into(),
                    value: FieldValue::Answer(Answer::Score(3))
                },
                ConflictOption {
                    from: "theirs".into(),
                    value: FieldValue::Answer(Answer::Score(1))
                },
            ],
        }]
    );
}

// ---------------------------------------------------------------------------
// Last time.

#[test]
fn last_time_gives_what_was_agreed_then_and_the_change() {
    use zelfscan::model::compare::{is_earlier_scan_of, last_time};
    let old = load("vervolgtraject.toml");
    let new = load("later/turfvaart-2027.toml");
    assert!(is_earlier_scan_of(&old, &new));
    assert!(!is_earlier_scan_of(&new, &old));
    assert!(
        !is_earlier_scan_of(&load("robuust.toml"), &new),
        "another region"
    );
    let vis3 = last_time(&old, &new, "VIS-3").expect("VIS-3");
    assert_eq!(
        (vis3.then, vis3.now, vis3.change()),
        (Some(1), Some(3), Some(Change::Up))
    );
    assert_eq!(vis3.consensus, Some(Answer::Score(1)));
    assert!(
        vis3.actions
            .iter()
            .any(|action| action.what.contains("Bestuurlijk overleg")),
        "{:?}",
        vis3.actions
    );
    assert_eq!(last_time(&old, &new, "GEEN-1"), None);
}

#[test]
fn open_with_a_previous_scan_that_does_not_load_is_explained_first() {
    let home = TempDir::new().expect("temp dir");
    let broken = home.path().join("oud.toml");
    fs::write(&broken, "schema_version = 1\nregion = [\n").expect("write");
    zelfscan(home.path())
        .arg("open")
        .arg(examples().join("later/turfvaart-2027.toml"))
        .arg("--previous")
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(contains("oud.toml:"));
}

#[test]
fn the_overview_of_the_examples_leaves_the_homework_out_and_says_so() {
    let home = TempDir::new().expect("temp dir");
    zelfscan(home.path())
        .arg("overview")
        .arg(examples())
        .assert()
        .success()
        .stdout(contains("# Overzicht van 6 scans"))
        .stdout(contains("2 huiswerkscan(s) niet meegeteld"))
        .stdout(contains("6 scans van 5 regio's, 1 robuust"));
}

#[test]
fn a_three_way_merge_hears_a_flag_cleared_on_one_side() {
    use zelfscan::model::merge::merge_three_way;
    let mut base = load("vervolgtraject.toml");
    let vis1 = index(&base, "VIS-1");
    base.answers[vis1].skipped = true;
    base.answers[vis1].consensus_note_private = true;
    let mut ours = base.clone();
    ours.answers[vis1].skipped = false;
    ours.answers[vis1].consensus_note_private = false;
    let mut theirs = base.clone();
    let added = zelfscan::model::AgendaAction {
        what: "Iets anders".into(),
        ..Default::default()
    };
    theirs.answers[vis1].actions.push(added.clone());
    let outcome = merge_three_way(&base, &ours, &theirs);
    assert!(outcome.is_clean());
    let merged = &outcome.scan.answers[vis1];
    assert!(!merged.skipped && !merged.consensus_note_private);
    assert!(merged.actions.contains(&added), "{:?}", merged.actions);
}

#[test]
fn plain_mode_asks_homework_only_its_own_side() {
    use zelfscan::model::edit::Slot;
    use zelfscan::plain::{Field, fields};
    let homework = load("huiswerk/zilverhaven-aanbieders.toml");
    assert_eq!(
        fields(&homework),
        vec![
            Field::Score(Slot::Perspective("aanbieders".into())),
            Field::Note(Slot::Perspective("aanbieders".into())),
        ]
    );
    assert_eq!(fields(&load("robuust.toml")).len(), 8);
}

#[test]
fn a_chosen_conflict_value_passes_the_gate_of_the_field_it_fills() {
    use zelfscan::model::conflict::FieldValue;
    use zelfscan::model::edit::Edit;
    use zelfscan::model::gate::{Rejection, check};
    let scan = load("vervolgtraject.toml");
    let resolve = |field: &str, value: FieldValue| Edit::Resolve {
        criterion: "VIS-1".into(),
        field: field.into(),
        value,
        at: jiff::Timestamp::UNIX_EPOCH,
    };
    let gate = |field: &str, value: FieldValue| check(&scan.framework, &resolve(field, value));
    assert_eq!(
        gate("ambition.level", FieldValue::Answer(Answer::Score(3))),
        Ok(())
    );
    assert_eq!(
        gate("ambition.level", FieldValue::Answer(Answer::Score(9))),
        Err(Rejection::NotOnScale(9))
    );
    let due = jiff::civil::date(2027, 12, 31);
    assert_eq!(gate("ambition.due", FieldValue::Date(due)), Ok(()));
    assert_eq!(
        gate(
            "ambition.needed",
            FieldValue::Text("geld\nen mensen".into())
        ),
        Ok(())
    );
    assert!(gate("consensus_note", FieldValue::Text("a\u{1b}[2Jb".into())).is_err());
    assert!(matches!(
        gate("nergens.note", FieldValue::Text("x".into())),
        Err(Rejection::UnknownPerspective(_))
    ));
}

#[test]
fn an_ambition_changed_on_both_sides_is_a_conflict_and_saves_and_loads() {
    use zelfscan::model::conflict::{FieldValue, get_field};
    use zelfscan::model::merge::merge_three_way;
    use zelfscan::storage::parse_scan;
    let base = load("vervolgtraject.toml");
    let vis1 = index(&base, "VIS-1");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let ambition = |level, year| zelfscan::model::Ambition {
        level: Some(level),
        due: Some(jiff::civil::date(year, 6, 30)),
        needed: String::new(),
        extra: Default::default(),
    };
    ours.answers[vis1].ambition = Some(ambition(3, 2027));
    theirs.answers[vis1].ambition = Some(ambition(4, 2027));
    let outcome = merge_three_way(&base, &ours, &theirs);
    assert_eq!(outcome.conflicts, 1, "only the level differs");
    let merged = &outcome.scan.answers[vis1];
    assert_eq!(merged.conflicts[0].field, "ambition.level");
    assert_eq!(
        get_field(merged, &outcome.scan.framework, "ambition.due"),
        Some(FieldValue::Date(jiff::civil::date(2027, 6, 30)))
    );
    let text = scan_to_toml(&outcome.scan);
    assert!(text.contains("field = \"ambition.level\""), "{text}");
    let back = parse_scan(&text).expect("loads").value;
    assert_eq!(back, outcome.scan);
    // A date in conflict is kept as a TOML date and reads back as one.
    theirs.answers[vis1].ambition = Some(ambition(4, 2028));
    let outcome = merge_three_way(&base, &ours, &theirs);
    assert_eq!(outcome.conflicts, 2);
    let text = scan_to_toml(&outcome.scan);
    assert!(text.contains("value = 2028-06-30"), "{text}");
    let back = parse_scan(&text).expect("loads");
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(back.value, outcome.scan);
}

#[test]
fn compare_shows_the_agenda_then_and_now() {
    use zelfscan::model::ActionStatus;
    let comparison = compare(
        &load("vervolgtraject.toml"),
        &load("later/turfvaart-2027.toml"),
    );
    let vis3 = comparison
        .agenda
        .iter()
        .find(|item| item.criterion_id == "VIS-3")
        .expect("VIS-3 has an agenda");
    assert_eq!((vis3.ambition_then, vis3.ambition_now), (Some(3), Some(3)));
    assert_eq!(
        (vis3.actions[0].then, vis3.actions[0].now),
        (Some(ActionStatus::Open), Some(ActionStatus::Done))
    );
    // An action the later scan no longer has is still listed, with "—" now.
    let ink1 = comparison
        .agenda
        .iter()
        .find(|item| item.criterion_id == "INK-1")
        .expect("INK-1");
    assert_eq!(ink1.actions[0].now, None);
    let home = TempDir::new().expect("temp dir");
    zelfscan(home.path())
        .arg("compare")
        .arg(examples().join("vervolgtraject.toml"))
        .arg(examples().join("later/turfvaart-2027.toml"))
        .assert()
        .success()
        .stdout(contains("## Agenda: ambities en acties toen en nu"))
        .stdout(contains("| Henk Mulder | open | klaar |"))
        .stdout(contains("| Henk Mulder | open | vervallen |"));
    zelfscan(home.path())
        .args(["compare", "--format", "json"])
        .arg(examples().join("vervolgtraject.toml"))
        .arg(examples().join("later/turfvaart-2027.toml"))
        .assert()
        .success()
        .stdout(contains("\"new_status\": \"klaar\""));
}
