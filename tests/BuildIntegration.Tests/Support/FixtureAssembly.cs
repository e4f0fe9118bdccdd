using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace BuildIntegration.Tests.Support;

/// <summary>
/// A small assembly of load tests compiled from C# source for one test: written to a temporary folder with its
/// source file and a portable PDB, like a user's build output, so discovery and the command see real file paths.
/// </summary>
internal sealed class FixtureAssembly : IDisposable
{
    private FixtureAssembly(string directory, string assemblyPath, string sourcePath, string source)
    {
        Directory = directory;
        AssemblyPath = assemblyPath;
        SourcePath = sourcePath;
        Source = source;
    }

    public string Directory { get; }

    public string AssemblyPath { get; }

    public string SourcePath { get; }

    public string Source { get; }

    /// <summary>Compiles the source; the assembly gets a unique name so every fixture loads next to the others.</summary>
    public static FixtureAssembly Compile(string source)
    {
        var name = "Fixture" + Guid.NewGuid().ToString("N");
        var directory = Path.Combine(Path.GetTempPath(), "k6scenarios-tests", name);
        System.IO.Directory.CreateDirectory(directory);
        var sourcePath = Path.Combine(directory, "LoadTests.cs");
        File.WriteAllText(sourcePath, source);

        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Latest), sourcePath);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(name, [tree], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var assemblyPath = Path.Combine(directory, name + ".dll");
        using (var peStream = File.Create(assemblyPath))
        using (var pdbStream = File.Create(Path.ChangeExtension(assemblyPath, ".pdb")))
        {
            var result = compilation.Emit(peStream, pdbStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
            if (!result.Success)
            {
                peStream.Dispose();
                pdbStream.Dispose();
                System.IO.Directory.Delete(directory, recursive: true);
                throw new InvalidOperationException("The fixture does not compile:" + Environment.NewLine
                    + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }

        return new FixtureAssembly(directory, assemblyPath, sourcePath, source);
    }

    public Assembly Load() => AssemblyLoadContext.Default.LoadFromAssemblyPath(AssemblyPath);

    /// <summary>The 1-based line of the source line that contains the marker comment, such as <c>// here: throw</c>.</summary>
    public int LineOf(string marker)
    {
        var lines = Source.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        if (index < 0 || Array.FindIndex(lines, index + 1, l => l.Contains(marker, StringComparison.Ordinal)) >= 0)
        {
            throw new ArgumentException("The marker must occur on exactly one line of the fixture: " + marker, nameof(marker));
        }

        return index + 1;
    }

    public void Dispose()
    {
        // Loaded assemblies stay mapped on Windows; a folder that cannot be removed yet is left to the temp cleaner.
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
