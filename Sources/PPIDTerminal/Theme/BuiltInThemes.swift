/// The themes shipped in `Themes/`, built in so the app works when run outside the repository.
/// A test keeps these texts equal to the files.
public enum BuiltInThemes {
    public static let texts: [String: String] = [
        "default-dark": #"""
# ppid theme: default dark (bawaan gelap)
# Each line: role = FOREGROUND [on BACKGROUND] [bold] [underline] [reverse] [dim]
# A colour is a name (default black red green yellow blue magenta cyan white, or bright-NAME),
# optionally followed by /N, a 256-colour index used where the terminal has 256 colours.
# On 8-colour terminals bright-NAME falls back to NAME in bold.
# Roles: normal overdue due-today due-soon provisional selected marked header status border dim error title input
normal      = default
overdue     = bright-red/203 bold
due-today   = bright-yellow/220 bold
due-soon    = yellow/179
provisional = magenta/176 underline
selected    = black/16 on cyan/74
marked      = bright-green/114 bold
header      = bright-white/255 on blue/24 bold
status      = black/16 on white/250
border      = blue/67
dim         = bright-black/244
error       = bright-white/231 on red/160 bold
title       = bright-cyan/117 bold
input       = default on bright-black/238 underline
"""#,
        "high-contrast": #"""
# ppid theme: high contrast (kontras tinggi), for low vision and bright rooms
normal      = bright-white/231 on black/16
overdue     = bright-white/231 on red/196 bold
due-today   = black/16 on bright-yellow/226 bold
due-soon    = bright-yellow/226 on black/16 bold underline
provisional = bright-magenta/201 on black/16 bold underline
selected    = black/16 on bright-white/231 bold
marked      = bright-green/46 on black/16 bold reverse
header      = black/16 on bright-cyan/51 bold
status      = black/16 on bright-white/231 bold
border      = bright-white/231 on black/16
dim         = white/250 on black/16
error       = bright-yellow/226 on red/160 bold
title       = bright-cyan/51 on black/16 bold
input       = bright-white/231 on blue/19 bold underline
"""#,
        "light": #"""
# ppid theme: light (terang), for terminals with a light background
normal      = default
overdue     = red/160 bold
due-today   = yellow/130 bold
due-soon    = yellow/136
provisional = magenta/127 underline
selected    = white/231 on blue/25
marked      = green/28 bold
header      = white/231 on blue/25 bold
status      = white/231 on black/240
border      = blue/61
dim         = bright-black/245
error       = white/231 on red/124 bold
title       = blue/19 bold
input       = default on white/254 underline
"""#,
        "monochrome": #"""
# ppid theme: monochrome (hitam-putih): attributes only, for NO_COLOR and plain terminals
normal      =
overdue     = bold reverse
due-today   = bold underline
due-soon    = underline
provisional = dim underline
selected    = reverse
marked      = bold
header      = bold reverse
status      = reverse
border      =
dim         = dim
error       = bold reverse
title       = bold
input       = underline
"""#,
    ]

    /// The theme used when none is chosen.
    public static let defaultName = "default-dark"

    /// A built-in theme by name.
    public static func theme(_ name: String) -> Theme? {
        guard let text = texts[name] else { return nil }
        return try? Theme(name: name, source: "\(name).theme", text: text)
    }
}
