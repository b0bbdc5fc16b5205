using System.Runtime.InteropServices;

namespace TorrentCluster.Engine.Interop;

/// <summary>UTF-8 strings across the boundary.</summary>
internal static class NativeText
{
    /// <summary>A copied-out string; empty strings (the shim's "none") become null.</summary>
    public static string? ReadOptional(nint text)
    {
        var value = Marshal.PtrToStringUTF8(text);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static string Read(nint text) => Marshal.PtrToStringUTF8(text) ?? string.Empty;

    /// <summary>
    /// Strings handed to the shim for one call: allocated in native memory and freed together when disposed.
    /// </summary>
    public sealed class Batch : IDisposable
    {
        private readonly List<nint> _allocations = [];

        public nint Add(string? text)
        {
            if (text is null)
            {
                return nint.Zero;
            }

            var pointer = Marshal.StringToCoTaskMemUTF8(text);
            _allocations.Add(pointer);
            return pointer;
        }

        /// <summary>A native array of string pointers, or null for an empty list.</summary>
        public unsafe nint* AddArray(IReadOnlyList<string> texts)
        {
            if (texts.Count == 0)
            {
                return null;
            }

            var array = (nint*)Marshal.AllocCoTaskMem(sizeof(nint) * texts.Count);
            _allocations.Add((nint)array);
            for (var i = 0; i < texts.Count; i++)
            {
                array[i] = Add(texts[i]);
            }

            return array;
        }

        public void Dispose()
        {
            foreach (var pointer in _allocations)
            {
                Marshal.FreeCoTaskMem(pointer);
            }

            _allocations.Clear();
        }
    }
}
