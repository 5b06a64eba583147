//! `krait explain`: the script runs as usual (its output and exit status are its own) and one
//! self-contained HTML page describes its run. The page's data must survive any script text
//! (`</script>`, odd Unicode), and the page must render every layer and a function's source,
//! bytecode and machine code without a script error — checked in headless Chromium (Debian's
//! `chromium` package) when it is installed. Without it the browser checks are skipped with a
//! notice, except under CI (the variable `CI` set), where its absence is a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A program with a hot loop, recursion, an exception, a generator and text that would break a
/// naive page: `</script>`, an HTML comment opener, a line separator, a right-to-left override
/// and an emoji, in comments and strings.
const PROGRAM: &str = "# text: \"</script><!-- \u{2028} \u{202e}abc\u{202c} \u{1F600} ünïcödé\n\
def hot(n):\n\
\x20   total = 0\n\
\x20   for i in range(n):\n\
\x20       total += i * i\n\
\x20   return total\n\
\n\
def fib(n):\n\
\x20   return n if n < 2 else fib(n - 1) + fib(n - 2)\n\
\n\
def risky(x):\n\
\x20   try:\n\
\x20       return 10 // x\n\
\x20   except ZeroDivisionError:\n\
\x20       return -1\n\
\n\
def numbers(n):\n\
\x20   yield from range(n)\n\
\n\
text = \"</script><script>document.title = 'broken'</script> \u{2028} \u{1F600}\"\n\
print(hot(20000), fib(12), [risky(i) for i in range(3)], sum(numbers(5)), len(text))\n";

const EXPECTED_OUTPUT: &str = "2666466670000 144 [-1, 10, 5] 10 55\n";

fn directory(name: &str) -> PathBuf {
    let directory =
        std::env::temp_dir().join(format!("krait-explain-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&directory).expect("temp dir");
    directory
}

fn krait_in(directory: &Path, arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(arguments)
        .current_dir(directory)
        .output()
        .expect("krait runs")
}

/// The JSON document embedded in a page.
fn embedded_data(page: &str) -> Value {
    let start_tag = r#"<script type="application/json" id="krait-data">"#;
    let start = page.find(start_tag).expect("the data element") + start_tag.len();
    let end = start + page[start..].find("</script>").expect("its end");
    serde_json::from_str(&page[start..end]).expect("the embedded data is JSON")
}

fn explain(name: &str, mode: &str) -> (PathBuf, Output, String) {
    let directory = directory(name);
    std::fs::write(directory.join("prog.py"), PROGRAM).expect("write the program");
    let output = krait_in(
        &directory,
        &[
            &format!("--jit={mode}"),
            "explain",
            "prog.py",
            "-o",
            "report.html",
        ],
    );
    let page = std::fs::read_to_string(directory.join("report.html")).unwrap_or_default();
    (directory.join("report.html"), output, page)
}

#[test]
fn the_page_carries_the_run_in_every_mode() {
    for mode in ["off", "on", "eager"] {
        let (_, output, page) = explain(&format!("modes-{mode}"), mode);
        assert!(output.status.success(), "{mode}: {output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), EXPECTED_OUTPUT);
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("krait explain: wrote report.html")
        );
        // Self-contained: nothing to fetch.
        for reference in ["http://", "https://", "<link", " src="] {
            assert!(
                !page.contains(reference),
                "{mode}: the page refers to {reference}"
            );
        }
        // The script's `</script>` never appears raw: only the template's own closing tags.
        let template_closings = include_str!("../src/explain/report.html")
            .matches("</script>")
            .count();
        assert_eq!(
            page.matches("</script>").count(),
            template_closings,
            "{mode}"
        );
        let data = embedded_data(&page);
        assert_eq!(
            data["application"]["source"], PROGRAM,
            "{mode}: source round trip"
        );
        assert_eq!(data["script"]["name"], "prog.py");
        assert_eq!(data["script"]["exit_status"], 0);
        assert_eq!(data["jit"]["mode"], mode);
        for layer in ["application", "compiler", "vm", "jit", "os", "functions"] {
            assert!(!data[layer].is_null(), "{mode}: no {layer} section");
        }
        let compiler = &data["compiler"];
        assert!(compiler["tokens"].as_u64().expect("tokens") > 50);
        assert!(compiler["ast_nodes"].as_u64().expect("nodes") > 30);
        assert!(compiler["cache_path"]
            .as_str()
            .is_some_and(|path| path.ends_with(".pyc") && path.contains("__pycache__")));
        let vm = &data["vm"];
        assert!(vm["calls"].as_u64().expect("calls") > 200);
        // risky(0) raises ZeroDivisionError once; `yield from` and `for` end with no raise.
        assert_eq!(vm["exceptions_raised"], 1, "{mode}");
        assert!(data["os"]["peak_rss_kib"].as_i64().expect("rss") > 0);
        let functions = data["functions"].as_array().expect("functions");
        let names: Vec<&str> = functions
            .iter()
            .filter_map(|function| function["qualname"].as_str())
            .collect();
        for name in ["<module>", "hot", "fib", "risky", "numbers", "<listcomp>"] {
            assert!(
                names.contains(&name),
                "{mode}: no function {name} in {names:?}"
            );
        }
        let hot = functions
            .iter()
            .find(|function| function["qualname"] == "hot")
            .expect("hot");
        assert!(hot["bytecode"]
            .as_str()
            .expect("bytecode")
            .contains("FOR_ITER"));
        assert_eq!(hot["profile"]["calls"], 1);
        let fib = functions
            .iter()
            .find(|function| function["qualname"] == "fib")
            .expect("fib");
        assert_eq!(fib["profile"]["calls"], 465);
        assert_eq!(fib["profile"]["primitive_calls"], 1);
        // The loop body ran 20,000 times, interpreted or compiled (both count), so its line is
        // the hottest, with 6 instructions per iteration: LOAD_FAST total, LOAD_FAST i twice,
        // BINARY_OP *, BINARY_OP +=, STORE_FAST total.
        let hottest = &data["application"]["hottest_lines"][0];
        assert_eq!(hottest["line"], 5, "{mode}: {hottest}");
        assert_eq!(hottest["executions"], 120_000, "{mode}: {hottest}");
        let compiles = data["jit"]["compiles"].as_array().expect("compiles");
        match mode {
            "off" => {
                assert!(compiles.is_empty());
                assert!(hot["machine_code"].is_null());
            }
            "eager" => {
                let compile = compiles
                    .iter()
                    .find(|event| event["qualname"] == "hot")
                    .expect("hot compiled");
                assert!(compile["trigger"]
                    .as_str()
                    .is_some_and(|trigger| trigger.starts_with("eager")));
                assert!(compile["size"].as_u64().expect("size") > 0);
                let machine_code = hot["machine_code"].as_str().expect("machine code");
                assert!(machine_code.contains("; line 5: total += i * i"));
                // The generator is compiled too (at its first start).
                assert!(compiles
                    .iter()
                    .any(|event| event["qualname"] == "numbers" && event["failure"].is_null()));
            }
            _ => {
                // 20,000 iterations pass the loop threshold (1,600 back-edges).
                let compile = compiles
                    .iter()
                    .find(|event| event["qualname"] == "hot")
                    .expect("hot compiled");
                assert_eq!(compile["trigger"], "loop");
                assert!(compile["back_edges"].as_u64().expect("edges") >= 1600);
                assert!(!hot["machine_code"].is_null());
            }
        }
    }
}

#[test]
fn the_default_page_is_named_after_the_script() {
    let directory = directory("default");
    std::fs::write(
        directory.join("tiny.py"),
        "import sys\nprint(sys.argv[1:])\nsys.exit(3)\n",
    )
    .expect("write");
    let _ = std::fs::remove_file(directory.join("tiny.report.html"));
    let output = krait_in(&directory, &["explain", "tiny.py", "a", "-o", "b"]);
    assert_eq!(output.status.code(), Some(3));
    // Words after the script (other than one -o right after it) belong to the script.
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "['a', '-o', 'b']\n"
    );
    let page = std::fs::read_to_string(directory.join("tiny.report.html")).expect("the page");
    let data = embedded_data(&page);
    assert_eq!(data["script"]["exit_status"], 3);
    assert_eq!(
        data["script"]["arguments"],
        serde_json::json!(["a", "-o", "b"])
    );
}

#[test]
fn usage_mistakes_exit_with_status_2() {
    let directory = directory("usage");
    let output = krait_in(&directory, &["explain"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("krait explain: no script given"));
    let output = krait_in(&directory, &["explain", "/no/such/script.py"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("can't open file"));
}

/// Chromium's command, when it is installed.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|output| output.status.success())
        })
}

/// The DOM of `page` after its scripts ran, with `fragment` as the URL's hash.
fn dump_dom(browser: &str, page: &Path, fragment: &str) -> String {
    let url = format!("file://{}#{fragment}", page.display());
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--virtual-time-budget=5000",
            "--dump-dom",
            &url,
        ])
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        dom.contains("</html>"),
        "no DOM from chromium: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    dom
}

/// The inner text of the element whose start tag contains `marker` (elements of that kind do
/// not nest in the page).
fn element_text<'a>(dom: &'a str, marker: &str, tag: &str) -> &'a str {
    let start = dom
        .find(marker)
        .unwrap_or_else(|| panic!("no element {marker}"));
    let content = start + dom[start..].find('>').expect("end of the start tag") + 1;
    let end = content + dom[content..].find(&format!("</{tag}>")).expect("end tag");
    &dom[content..end]
}

/// The DOM text from `start` to `end`.
fn between<'a>(dom: &'a str, start: &str, end: &str) -> &'a str {
    let from = dom.find(start).unwrap_or_else(|| panic!("no {start}"));
    let to = from + dom[from..].find(end).unwrap_or_else(|| panic!("no {end}"));
    &dom[from..to]
}

#[test]
fn chromium_renders_every_layer_and_a_functions_panels() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed, and CI is set: the browser checks must run in CI"
        );
        eprintln!(
            "NOTICE: chromium is not installed; the browser checks of krait explain are \
             skipped (install Debian's `chromium` package to run them)"
        );
        return;
    };
    let (page, output, _) = explain("browser", "eager");
    assert!(output.status.success());
    let dom = dump_dom(browser, &page, "function=hot");
    assert_eq!(
        element_text(&dom, r#"id="script-errors""#, "pre"),
        "",
        "the page's script raised"
    );
    assert!(
        dom.contains(r#"data-ready="true""#),
        "the page's script did not finish"
    );
    for layer in ["application", "compiler", "vm", "jit", "os"] {
        let marker = format!(r#"id="layer-{layer}""#);
        let start = dom
            .find(&marker)
            .unwrap_or_else(|| panic!("no layer {layer}"));
        let tag_end = start + dom[start..].find('>').expect("tag end");
        assert!(
            dom[start..tag_end].contains(r#"data-rendered="true""#),
            "layer {layer} not rendered"
        );
        assert!(
            dom.contains(&format!(r#"id="node-{layer}""#)),
            "no flowchart node for {layer}"
        );
    }
    // The layers' details carry the run's figures.
    assert!(dom.contains("tokens"));
    assert!(dom.contains("GC collections"));
    assert!(dom.contains("peak resident memory"));
    assert!(dom.contains("cache miss") || dom.contains("cache hit"));
    // The function's panels, side by side.
    assert!(
        dom.contains(r#"data-function="hot""#),
        "hot's view is not open"
    );
    let source = between(&dom, r#"id="function-source""#, r#"id="function-bytecode""#);
    assert!(source.contains("total += i * i"), "{source}");
    let bytecode = element_text(&dom, r#"id="function-bytecode""#, "pre");
    assert!(bytecode.contains("FOR_ITER"), "{bytecode}");
    let machine_code = element_text(&dom, r#"id="function-machine-code""#, "pre");
    assert!(
        machine_code.contains("; line 5: total += i * i"),
        "{machine_code}"
    );
    // The script's text was shown as text: its `<script>` did not run (it would retitle the
    // page) and appears escaped in the DOM.
    assert!(dom.contains("<title>krait explain</title>"));
    assert!(dom.contains("&lt;/script&gt;&lt;script&gt;document.title"));
    // A page with nearly nothing in it (the script does not compile) renders too.
    let directory = directory("browser-syntax");
    std::fs::write(directory.join("bad.py"), "def f(:\n").expect("write");
    let _ = krait_in(&directory, &["explain", "bad.py", "-o", "bad.html"]);
    let dom = dump_dom(browser, &directory.join("bad.html"), "function=f");
    assert_eq!(element_text(&dom, r#"id="script-errors""#, "pre"), "");
    assert!(dom.contains(r#"data-ready="true""#));
    // Another hash opens a layer instead.
    let dom = dump_dom(browser, &page, "layer=jit");
    assert_eq!(element_text(&dom, r#"id="script-errors""#, "pre"), "");
    let start = dom.find(r#"id="layer-jit""#).expect("jit layer");
    let tag_end = start + dom[start..].find('>').expect("tag end");
    assert!(
        !dom[start..tag_end].contains("hidden"),
        "the JIT layer is not shown"
    );
}

#[test]
fn a_script_that_does_not_compile_still_gets_a_page() {
    let directory = directory("syntax");
    std::fs::write(directory.join("bad.py"), "def f(:\n    pass\n").expect("write");
    let output = krait_in(&directory, &["explain", "bad.py", "-o", "bad.html"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("SyntaxError: invalid syntax"));
    let page = std::fs::read_to_string(directory.join("bad.html")).expect("the page");
    let data = embedded_data(&page);
    assert_eq!(data["script"]["exit_status"], 1);
    assert!(data["compiler"]["error"]
        .as_str()
        .is_some_and(|error| error.contains("invalid syntax")));
    assert_eq!(data["functions"], serde_json::json!([]));
}

#[test]
fn deopts_and_collections_are_recorded() {
    let directory = directory("deopt");
    // The loop is compiled on int feedback; the second call adds floats, so a guard fails —
    // the loop header's check that `step` is the int it assumes (line 4), or the addition's
    // (line 5) — and the deopts are recorded with their reason.
    std::fs::write(
        directory.join("deopt.py"),
        "import gc\n\
         def f(n, step):\n\
         \x20   t = 0\n\
         \x20   for i in range(n):\n\
         \x20       t = t + step\n\
         \x20   return t\n\
         print(f(5000, 1), f(10, 0.5))\n\
         gc.collect()\n",
    )
    .expect("write");
    let output = krait_in(&directory, &["explain", "deopt.py", "-o", "deopt.html"]);
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout), "5000 5.0\n");
    let data = embedded_data(&std::fs::read_to_string(directory.join("deopt.html")).expect("page"));
    let deopts = data["jit"]["deopts"].as_array().expect("deopts");
    let site = deopts
        .iter()
        .find(|site| site["qualname"] == "f" && (site["line"] == 4 || site["line"] == 5))
        .unwrap_or_else(|| panic!("no deopt in f's loop: {deopts:?}"));
    let expected = if site["line"] == 4 {
        (
            "FOR_ITER",
            "a local is not the kind its loop header assumes",
        )
    } else {
        ("BINARY_OP", "operand is not an int")
    };
    assert_eq!(site["opcode"], expected.0);
    assert_eq!(site["reason"], expected.1);
    assert!(site["count"].as_u64().expect("count") >= 1);
    let gc = &data["vm"]["gc"];
    assert!(
        gc["collections"].as_u64().expect("collections") >= 1,
        "{gc}"
    );
    assert!(gc["longest_pause_ms"].as_f64().expect("pause") > 0.0);
    assert!(gc["pause_ms"].as_f64() >= gc["longest_pause_ms"].as_f64());
}
