using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Emitter.Discovery;

/// <summary>
/// Finds where a member of an assembly is written, from the assembly's portable PDB (beside it or embedded),
/// so that discovery problems point at a file and line instead of at the assembly.
/// </summary>
/// <remarks>Every failure (no PDB, Windows PDB, unreadable file) just means "location unknown".</remarks>
internal sealed class MemberSourceLocator : IDisposable
{
    private readonly Assembly _assembly;
    private bool _opened;
    private MetadataReaderProvider? _provider;
    private MetadataReader? _reader;

    public MemberSourceLocator(Assembly assembly) => _assembly = assembly;

    public void Dispose() => _provider?.Dispose();

    /// <summary>Gets the first line of a method's (or property getter's) body.</summary>
    public SourceLocation? Locate(MemberInfo member)
    {
        var method = member switch
        {
            MethodInfo m => m,
            PropertyInfo p => p.GetGetMethod(nonPublic: true),
            _ => null,
        };
        return method is null ? null : LocateIlOffset(method, ilOffset: null);
    }

    /// <summary>Gets the line of the innermost frame of the exception's stack trace that is in this assembly.</summary>
    public SourceLocation? LocateThrow(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            if (method is null || method.Module.Assembly != _assembly)
            {
                continue;
            }

            var file = frame.GetFileName();
            var line = frame.GetFileLineNumber();
            if (!string.IsNullOrEmpty(file) && line > 0)
            {
                return new SourceLocation(file, line);
            }

            var offset = frame.GetILOffset();
            var fromPdb = LocateIlOffset(method, offset == StackFrame.OFFSET_UNKNOWN ? null : offset);
            if (fromPdb is not null)
            {
                return fromPdb;
            }
        }

        return null;
    }

    private SourceLocation? LocateIlOffset(MethodBase method, int? ilOffset)
    {
        var reader = Reader();
        if (reader is null || method.Module.Assembly != _assembly)
        {
            return null;
        }

        try
        {
            var handle = MetadataTokens.MethodDefinitionHandle(method.MetadataToken);
            var points = reader.GetMethodDebugInformation(handle).GetSequencePoints().Where(p => !p.IsHidden).ToList();
            if (points.Count == 0)
            {
                return null;
            }

            // The sequence point that covers the offset is the last one starting at or before it.
            var point = ilOffset is null ? points[0] : points.LastOrDefault(p => p.Offset <= ilOffset.Value, points[0]);
            var document = reader.GetDocument(point.Document);
            return SourceLocation.FromCaller(reader.GetString(document.Name), point.StartLine);
        }
        catch (Exception e) when (e is BadImageFormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private MetadataReader? Reader()
    {
        if (!_opened)
        {
            _opened = true;
            _provider = OpenPdb();
            _reader = _provider?.GetMetadataReader();
        }

        return _reader;
    }

    private MetadataReaderProvider? OpenPdb()
    {
        var path = _assembly.Location;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var peReader = new PEReader(File.OpenRead(path));
            // The provider owns the PDB's memory, so it lives as long as this locator (one discovery run).
            return peReader.TryOpenAssociatedPortablePdb(path, OpenIfExists, out var provider, out _) ? provider : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Stream? OpenIfExists(string pdbPath) => File.Exists(pdbPath) ? File.OpenRead(pdbPath) : null;
}
