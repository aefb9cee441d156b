import Charts
import ContentFixtures
import Frames
import Geometry
import ReportModel
import Testing

@Suite("Chart theme")
struct ChartThemeTests {
  @Test("the standard palette is Okabe–Ito, business orange and technical blue")
  func standard() {
    let t = ChartTheme.standard
    #expect(t.color(forRole: 0) == Color(hex: "#E69F00"))
    #expect(t.color(forRole: 1) == Color(hex: "#0072B2"))
    #expect(t.accent == Color(hex: "#009E73"))
    #expect(t.patterns)
    // Apart in grayscale too.
    #expect(abs(t.color(forRole: 0).luminance - t.color(forRole: 1).luminance) > 0.2)
  }

  @Test("a theme from a style takes its palette, colours and sans family")
  func fromStyle() {
    var style = Style.classic
    style.charts.patterns = false
    var colors = StyleColors.classic
    colors.palette = [.black, .white]
    colors.muted = Color(red: 0.5, green: 0.5, blue: 0.5)
    let t = ChartTheme(style: style, colors: colors)
    #expect(t.color(forRole: 0) == .black)
    #expect(t.color(forRole: 1) == .white)
    #expect(t.color(at: 2) == Color(hex: "#009E73"))
    #expect(!t.patterns)
    #expect(t.muted == colors.muted)
    #expect(t.text == Color(hex: "#1b1f24"))
    #expect(t.fontFamily == style.fonts.heading)
    #expect(t.dash(forRole: 1).isEmpty)
  }
}
