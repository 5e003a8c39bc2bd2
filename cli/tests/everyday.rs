//! The everyday commands end to end: `sandbox`, `login`/`logout`, the lists and `get`, the
//! configuration precedence, and the exit codes that tell failures apart.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{
    AGENT, Insurup, MFA_AGENT, PASSWORD, assert_exit, assert_no_secrets, dead_url, json, run,
    run_with_stdin, stderr,
};
use insurup_sandbox::SandboxConfig;

async fn sandbox_with_policies(count: usize) -> insurup_sandbox::SandboxHandle {
    common::sandbox_with(SandboxConfig {
        generated_policies: count,
        ..SandboxConfig::for_tests()
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn login_keeps_a_session_that_later_commands_use_without_the_password() {
    let sandbox = sandbox_with_policies(30).await;
    let insurup = Insurup::new();
    let base_url = sandbox.base_url().to_owned();
    let command = |args: &[&str]| {
        let mut command = insurup.command();
        command.env("INSURUP_BASE_URL", &base_url).args(args);
        command
    };

    let login = run_with_stdin(
        command(&["login", "--email", AGENT, "--password-stdin"]),
        "sandbox-password\n",
    )
    .await;
    assert_exit(&login, 0);
    assert_no_secrets(&login);
    assert!(insurup.token_file().exists(), "the session is saved");
    let saved = std::fs::read_to_string(insurup.token_file()).expect("readable");
    assert!(!saved.contains(PASSWORD), "the password is never saved");

    let page = run(command(&["policies", "list", "--first", "5", "--json"])).await;
    assert_exit(&page, 0);
    let page = json(&page);
    assert_eq!(page["items"].as_array().map(Vec::len), Some(5));
    assert_eq!(page["totalCount"], 30);
    assert!(page["nextCursor"].is_string());

    let all = run(command(&[
        "customers",
        "list",
        "--all",
        "--first",
        "4",
        "--json",
    ]))
    .await;
    assert_exit(&all, 0);
    assert_eq!(
        json(&all)["items"].as_array().map(Vec::len),
        Some(15),
        "every page: two policies per generated customer"
    );

    let id = page["items"][0]["id"]
        .as_str()
        .expect("a policy id")
        .to_owned();
    let policy = run(command(&["policies", "get", &id, "--json"])).await;
    assert_exit(&policy, 0);
    assert_eq!(json(&policy)["id"], id.as_str());

    assert_eq!(
        sandbox.stats().logins,
        1,
        "the commands after login reused its session"
    );

    assert_exit(&run(command(&["logout"])).await, 0);
    assert!(!insurup.token_file().exists());
    let after = run(command(&["policies", "list"])).await;
    assert_exit(&after, 3);
    assert!(
        stderr(&after).contains("insurup login"),
        "{}",
        stderr(&after)
    );

    let logins = sandbox.stats().logins;
    let mut known_email = command(&["policies", "list"]);
    known_email.env("INSURUP_EMAIL", AGENT);
    assert_exit(&run(known_email).await, 3);
    assert_eq!(
        sandbox.stats().logins,
        logins,
        "without a stored session or a password no login is attempted"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_2fa_account_logs_in_with_the_code_from_the_environment_and_not_without_it() {
    let sandbox = common::sandbox().await;
    let insurup = Insurup::new();

    let mut without_code = insurup.as_user(&sandbox, MFA_AGENT);
    without_code.arg("login");
    assert_exit(&run(without_code).await, 3);

    let mut with_code = insurup.as_user(&sandbox, MFA_AGENT);
    with_code
        .env("INSURUP_TWO_FACTOR_CODE", common::MFA_CODE)
        .args(["login", "--json"]);
    let output = run(with_code).await;
    assert_exit(&output, 0);
    assert_eq!(json(&output)["email"], MFA_AGENT);
    assert_eq!(sandbox.stats().mfa_verifications, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn exit_codes_tell_bad_credentials_missing_records_and_bad_input_apart() {
    let sandbox = common::sandbox().await;
    let insurup = Insurup::new();

    let mut wrong_password = insurup.as_user(&sandbox, AGENT);
    wrong_password
        .env("INSURUP_PASSWORD", "wrong")
        .args(["policies", "list"]);
    assert_exit(&run(wrong_password).await, 3);

    let mut missing = insurup.as_user(&sandbox, AGENT);
    missing.args(["proposals", "get", "000000000000000000000000", "--json"]);
    let output = run(missing).await;
    assert_exit(&output, 4);
    assert_eq!(json(&output)["error"]["kind"], "NotFoundError");

    let mut bad_page = insurup.as_user(&sandbox, AGENT);
    bad_page.args(["policies", "list", "--first", "0"]);
    assert_exit(&run(bad_page).await, 2);

    let mut unknown_key = insurup.as_user(&sandbox, AGENT);
    let config = insurup.home().join("bad.toml");
    std::fs::write(&config, "base_ulr = \"x\"\n").expect("writable");
    unknown_key
        .arg("--config")
        .arg(&config)
        .args(["policies", "list"]);
    let output = run(unknown_key).await;
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("base_ulr"), "{}", stderr(&output));

    let mut unreachable = insurup.command();
    unreachable
        .env("INSURUP_EMAIL", AGENT)
        .env("INSURUP_PASSWORD", PASSWORD)
        .env("INSURUP_MAX_RETRIES", "0")
        .args(["policies", "list", "--base-url", &dead_url()]);
    assert_exit(&run(unreachable).await, 6);
}

#[tokio::test(flavor = "multi_thread")]
async fn flags_beat_the_environment_which_beats_the_config_file() {
    let sandbox = sandbox_with_policies(2).await;
    let insurup = Insurup::new();
    std::fs::create_dir_all(insurup.config_dir()).expect("config dir");
    std::fs::write(
        insurup.config_dir().join("config.toml"),
        format!(
            "base_url = \"{}\"\nemail = \"{AGENT}\"\nmax_retries = 0\n",
            sandbox.base_url()
        ),
    )
    .expect("config written");
    let list = |base_url_env: Option<String>, base_url_flag: Option<String>| {
        let mut command = insurup.command();
        command
            .env("INSURUP_PASSWORD", PASSWORD)
            .args(["policies", "list", "--json"]);
        if let Some(url) = base_url_env {
            command.env("INSURUP_BASE_URL", url);
        }
        if let Some(url) = base_url_flag {
            command.args(["--base-url", &url]);
        }
        run(command)
    };

    assert_exit(&list(None, None).await, 0);
    assert_exit(&list(Some(dead_url()), None).await, 6);
    assert_exit(
        &list(Some(dead_url()), Some(sandbox.base_url().to_owned())).await,
        0,
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sandbox_command_prints_its_url_first_and_serves_until_stopped() {
    let insurup = Insurup::new();
    let mut command = insurup.command();
    command
        .args(["sandbox", "--port", "0", "--latency-scale", "0", "--quiet"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = command.spawn().expect("the sandbox starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let (url, auth_url) = tokio::task::spawn_blocking(move || {
        let mut reader = BufReader::new(stdout);
        let mut lines = [String::new(), String::new()];
        for line in &mut lines {
            reader.read_line(line).expect("a line");
        }
        let [url, auth_url] = lines;
        (url.trim().to_owned(), auth_url.trim().to_owned())
    })
    .await
    .expect("read");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(
        auth_url.starts_with("http://127.0.0.1:") && auth_url != url,
        "the default dialect's OAuth origin comes second: {auth_url}"
    );

    let _ = rustls::crypto::ring::default_provider().install_default();
    let stats = reqwest::get(format!("{url}/__sandbox/stats"))
        .await
        .expect("the sandbox answers");
    assert!(stats.status().is_success());

    let mut login = insurup.command();
    login
        .env("INSURUP_BASE_URL", &url)
        .env("INSURUP_EMAIL", AGENT)
        .env("INSURUP_PASSWORD", PASSWORD)
        .args(["login", "--json"]);
    assert_exit(&run(login).await, 0);

    child.kill().expect("the sandbox stops");
    let _ = child.wait();
}

#[tokio::test(flavor = "multi_thread")]
async fn proposals_watch_prints_each_insurer_once_as_it_answers_live() {
    // Insurers answer over a few seconds.
    let sandbox = common::sandbox_with(SandboxConfig {
        latency_scale: 1.0,
        ..SandboxConfig::for_tests()
    })
    .await;
    let client = insurup::Client::builder()
        .base_url(sandbox.base_url())
        .agent_user(AGENT, PASSWORD)
        .build()
        .expect("client");
    let customer = client
        .customers()
        .ensure(insurup::NewCustomer::individual("11111111110").with_birth_date("1990-01-01"))
        .await
        .expect("customer");
    let vehicle = client
        .vehicles()
        .create(
            &customer.id,
            insurup::NewVehicle::new("34ABC123").with_document_serial("AB", "123456"),
        )
        .await
        .expect("vehicle");
    let proposal = client
        .proposals()
        .create(insurup::NewProposal::kasko(&customer.id, &vehicle.id))
        .await
        .expect("proposal");
    assert!(!proposal.is_complete(), "the insurers are still answering");

    let insurup = Insurup::new();
    let mut command = insurup.as_user(&sandbox, AGENT);
    command.args(["proposals", "watch", proposal.id.as_str(), "--json"]);
    let output = run(command).await;
    assert_exit(&output, 0);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON lines"))
        .collect();
    let (last, answers) = lines.split_last().expect("output");
    assert_eq!(last["finished"], true);
    assert_eq!(last["complete"], true);
    let mut ids: Vec<&str> = answers
        .iter()
        .filter_map(|answer| answer["productId"].as_str())
        .collect();
    assert_eq!(ids.len(), proposal.products.len(), "one line per insurer");
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), proposal.products.len(), "each insurer once");
    assert!(
        answers.iter().any(|answer| answer["realTime"] == true),
        "pushed by the hub: {answers:?}"
    );
    let first = answers.first().and_then(|a| a["elapsedMs"].as_u64());
    let latest = answers.last().and_then(|a| a["elapsedMs"].as_u64());
    assert!(
        first < latest,
        "printed as they arrived, not all at the end"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn login_in_a_browser_keeps_a_user_session_that_later_commands_use() {
    let sandbox = common::sandbox().await;
    let insurup = Insurup::new();
    let command = |args: &[&str]| {
        let mut command = insurup.command();
        command
            .env("INSURUP_BASE_URL", sandbox.base_url())
            .env("INSURUP_AUTH_URL", sandbox.auth_url())
            .args(args);
        command
    };
    let mut login = command(&["login", "--browser"]);
    login
        .env("INSURUP_CLIENT_ID", "sandbox-app")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = login.spawn().expect("insurup runs");
    let stderr_pipe = child.stderr.take().expect("stderr");
    let (found, url) = std::sync::mpsc::channel();
    // Reads stderr to its end (so the command never writes into a closed pipe), handing over the
    // sign-in URL as soon as it is printed.
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        for line in BufReader::new(stderr_pipe).lines().map_while(Result::ok) {
            if line.trim_start().starts_with("http") {
                let _ = found.send(line.trim().to_owned());
            }
            text.push_str(&line);
            text.push('\n');
        }
        text
    });
    let url =
        tokio::task::spawn_blocking(move || url.recv_timeout(std::time::Duration::from_secs(30)))
            .await
            .expect("waited")
            .expect("the sign-in URL is printed");

    let http = reqwest::Client::new();
    let approved: serde_json::Value = http
        .post(format!("{}/__sandbox/oauth/approve", sandbox.base_url()))
        .json(&serde_json::json!({ "url": url }))
        .send()
        .await
        .expect("approve answer")
        .json()
        .await
        .expect("JSON");
    let callback = approved["redirectUrl"].as_str().expect("redirect URL");
    let landed = http
        .get(callback)
        .send()
        .await
        .expect("the listener answers");
    assert_eq!(landed.status(), 200);

    let output = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .expect("waited")
        .expect("insurup exits");
    let printed = reader.join().expect("stderr read");
    assert!(output.status.success(), "{printed}");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(AGENT),
        "{printed}"
    );
    assert!(insurup.token_file().exists(), "the session is saved");

    let later = run(command(&["customers", "list", "--first", "1", "--json"])).await;
    assert_exit(&later, 0);
    assert_eq!(
        sandbox.stats().authorization_codes,
        1,
        "the saved sign-in is used"
    );
}
