using System.Globalization;
using System.Reflection;

namespace TorrentCluster.Engine;

/// <summary>This engine's version, as peers see it in their client lists.</summary>
internal static class EngineVersion
{
    private static readonly Version Version = typeof(EngineVersion).Assembly.GetName().Version ?? new Version(0, 1, 0);

    public static string Text { get; } = $"{Version.Major}.{Version.Minor}.{Version.Build}";

    /// <summary>The Azureus-style peer-id prefix: <c>-TC0100-</c> for 0.1.0.</summary>
    public static string PeerFingerprint { get; } = string.Create(
        CultureInfo.InvariantCulture, $"-TC{Digit(Version.Major)}{Digit(Version.Minor)}{Digit(Version.Build)}0-");

    private static char Digit(int value) => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[Math.Clamp(value, 0, 35)];

    internal static string AssemblyInformational =>
        typeof(EngineVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? Text;
}
