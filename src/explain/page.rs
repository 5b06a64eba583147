//! The page: the template `report.html` (markup, style and script in one file, so the page
//! needs nothing but itself — no network, no fonts) with the report's JSON put into its
//! `<script type="application/json">` element.
//!
//! The JSON writer escapes `<`, `>` and `&` in every string (`json.rs`), so nothing from the
//! script — a string containing `</script>` or `<!--` — can end that element early, and the page
//! reads the data with `JSON.parse` and shows it only through `textContent`, never as markup.

/// The template; `__KRAIT_DATA__` marks where the JSON goes.
const TEMPLATE: &str = include_str!("report.html");

const PLACEHOLDER: &str = "__KRAIT_DATA__";

/// The whole page for the report data `json` (as `Json::render` writes it).
pub fn render(json: &str) -> String {
    TEMPLATE.replacen(PLACEHOLDER, json, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_has_one_place_for_the_data() {
        assert_eq!(TEMPLATE.matches(PLACEHOLDER).count(), 1);
        let page = render(r#"{"x":"\u003c/script\u003e"}"#);
        assert!(page.contains(r#"id="krait-data">{"x":"\u003c/script\u003e"}</script>"#));
        // Self-contained: nothing is fetched.
        for reference in ["http://", "https://", "src=", "@import", "url("] {
            assert!(
                !TEMPLATE.contains(reference),
                "the template refers to {reference}"
            );
        }
    }
}
