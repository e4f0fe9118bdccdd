using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace K6Scenarios.Cli;

/// <summary>
/// Loads the user's assembly into the default load context. The tool normally runs under the user's deps.json, which
/// makes every reference resolvable; as a fallback (an assembly run without its deps.json, or a file the deps.json
/// does not list) references are also looked up beside the user's assembly.
/// </summary>
internal static class UserAssemblyLoader
{
    public static Assembly Load(string assemblyPath)
    {
        var directory = Path.GetDirectoryName(assemblyPath) ?? Directory.GetCurrentDirectory();
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };

        // When the deps.json lists the assembly, the host already knows it: load it by name so that the user's types and
        // the copy the host resolves are one and the same.
        var name = AssemblyName.GetAssemblyName(assemblyPath);
        try
        {
            var loaded = AssemblyLoadContext.Default.LoadFromAssemblyName(name);
            if (string.Equals(Path.GetFullPath(loaded.Location), assemblyPath, StringComparison.OrdinalIgnoreCase))
            {
                return loaded;
            }
        }
        catch (FileNotFoundException)
        {
            // Not on the host's list: load it from its path below.
        }

        return AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath);
    }
}
