//! Dev tool: print the decision for one page.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let html = std::fs::read_to_string(&a[1]).unwrap();
    print!("{}", declutter::debug_plan(&html, &declutter::Options::default()).unwrap());
}
