//! Every command explains itself: `--help` texts are snapshots, so a change to a flag or to the
//! documented exit codes shows up in review.

mod common;

use common::{Insurup, assert_exit, stdout};

fn help(args: &[&str]) -> String {
    let insurup = Insurup::new();
    let output = insurup
        .command()
        .args(args)
        .arg("--help")
        .output()
        .expect("insurup runs");
    assert_exit(&output, 0);
    stdout(&output)
}

#[test]
fn the_top_level_help_lists_the_commands_configuration_and_exit_codes() {
    let text = help(&[]);
    for documented in [
        "Exit codes:",
        "3  authentication",
        "7  purchase outcome unknown",
        "INSURUP_BASE_URL",
    ] {
        assert!(text.contains(documented), "missing {documented:?}:\n{text}");
    }
    insta::assert_snapshot!("insurup", text);
}

#[test]
fn every_command_has_help() {
    let commands: &[&[&str]] = &[
        &["demo"],
        &["quote-batch"],
        &["sandbox"],
        &["login"],
        &["logout"],
        &["customers", "list"],
        &["proposals", "list"],
        &["proposals", "get"],
        &["policies", "list"],
        &["policies", "get"],
    ];
    for command in commands {
        insta::assert_snapshot!(command.join("-"), help(command));
    }
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let insurup = Insurup::new();
    let output = insurup
        .command()
        .args(["demo", "--no-such-flag"])
        .output()
        .expect("insurup runs");
    assert_exit(&output, 2);
}
