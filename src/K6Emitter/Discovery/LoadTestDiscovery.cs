using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using K6Scenarios.Diagnostics;
using K6Scenarios.Model;

namespace K6Scenarios.Emitter.Discovery;

/// <summary>A load test found in an assembly: the member that defines it and the model it returned.</summary>
public sealed class LoadTestDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="displayName">The defining member, <c>Namespace.Type.Member</c>.</param>
    /// <param name="loadTest">The load test the member returned.</param>
    /// <param name="member">The defining member, when it came from reflection.</param>
    public LoadTestDefinition(string displayName, LoadTest loadTest, MemberInfo? member = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        DisplayName = displayName;
        LoadTest = loadTest ?? throw new ArgumentNullException(nameof(loadTest));
        Member = member;
    }

    /// <summary>Gets the defining member's name, <c>Namespace.Type.Member</c>, as named in diagnostics and the script header.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the load test.</summary>
    public LoadTest LoadTest { get; }

    /// <summary>Gets the defining method or property, when it came from reflection.</summary>
    public MemberInfo? Member { get; }

    /// <inheritdoc />
    public override string ToString() => DisplayName + " -> " + LoadTest.Name;
}

/// <summary>What <see cref="LoadTestDiscovery.Discover"/> found: the usable load tests and the problems.</summary>
public sealed class DiscoveryResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="loadTests">The usable definitions, ordered by type full name then member name.</param>
    /// <param name="diagnostics">The problems (K6S0113, K6S0903, K6S0904, K6S0905).</param>
    public DiscoveryResult(IReadOnlyList<LoadTestDefinition> loadTests, IReadOnlyList<ModelDiagnostic> diagnostics)
    {
        LoadTests = loadTests ?? throw new ArgumentNullException(nameof(loadTests));
        Diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
    }

    /// <summary>
    /// Gets the definitions that produced a load test with a name no other definition uses, ordered by type full name
    /// then member name. Definitions that threw, have the wrong shape or share a name are left out and reported.
    /// </summary>
    public IReadOnlyList<LoadTestDefinition> LoadTests { get; }

    /// <summary>Gets the problems found while discovering.</summary>
    public IReadOnlyList<ModelDiagnostic> Diagnostics { get; }

    /// <summary>Gets whether any problem is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Finds the load tests of an assembly: public static parameterless methods and static properties of public types,
/// marked <see cref="LoadTestAttribute"/>, that return a <see cref="LoadTest"/> or a <see cref="LoadTestBuilder"/>.
/// </summary>
/// <remarks>
/// Discovery runs the user's code (each marked member once), so it never throws for the user's mistakes: a member that
/// throws, has the wrong shape, or returns a name another member returns too becomes a diagnostic with the member's
/// source location (read from the assembly's portable PDB when there is one).
/// </remarks>
public static class LoadTestDiscovery
{
    private const BindingFlags EveryDeclaredMember =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>Finds, runs and checks every <c>[LoadTest]</c> member of an assembly.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The usable load tests and the problems.</returns>
    public static DiscoveryResult Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var diagnostics = new List<ModelDiagnostic>();
        using var locator = new MemberSourceLocator(assembly);
        var assemblyName = assembly.GetName().Name ?? "assembly";

        var found = new List<LoadTestDefinition>();
        var marked = 0;
        foreach (var type in LoadableTypes(assembly, assemblyName, diagnostics).OrderBy(TypeDisplayName, StringComparer.Ordinal))
        {
            foreach (var member in MarkedMembers(type, assemblyName, diagnostics).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.MemberType))
            {
                marked++;
                var definition = Run(type, member, locator, diagnostics);
                if (definition is not null)
                {
                    found.Add(definition);
                }
            }
        }

        if (marked == 0 && !diagnostics.Any(d => d.IsError))
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.NoLoadTestsFound, string.Empty, null, assemblyName));
        }

        var usable = RemoveDuplicateNames(found, diagnostics);
        return new DiscoveryResult(usable, diagnostics);
    }

    /// <summary>Gets the name a member is reported by: <c>Namespace.Outer.Inner.Member</c>.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The display name.</returns>
    public static string DisplayName(MemberInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.DeclaringType is null ? member.Name : TypeDisplayName(member.DeclaringType) + "." + member.Name;
    }

    private static string TypeDisplayName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static IEnumerable<Type> LoadableTypes(Assembly assembly, string assemblyName, List<ModelDiagnostic> diagnostics)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // Keep what loaded; name the first missing dependency so the user can fix the reference.
            var cause = e.LoaderExceptions.FirstOrDefault(x => x is not null);
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DefinitionNotUsable, string.Empty, null, assemblyName,
                "some types cannot be loaded (" + OneLine(cause?.Message ?? e.Message) + "); load tests in them are skipped. Check that every dependency is copied to the build output"));
            return e.Types.Where(t => t is not null).Cast<Type>();
        }
    }

    private static IEnumerable<MemberInfo> MarkedMembers(Type type, string assemblyName, List<ModelDiagnostic> diagnostics)
    {
        MemberInfo[] members;
        try
        {
            members = type.GetMembers(EveryDeclaredMember);
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DefinitionNotUsable, TypeDisplayName(type), null, assemblyName,
                "the members of " + TypeDisplayName(type) + " cannot be read (" + OneLine(e.Message) + ")"));
            return [];
        }

        return members.Where(m => m is MethodInfo or PropertyInfo && IsMarked(m));
    }

    // Compared by name, not by type identity: an assembly built against another copy of the model must still be
    // found, so that the mismatch is reported instead of the load tests silently disappearing.
    private static bool IsMarked(MemberInfo member)
    {
        try
        {
            return member.CustomAttributes.Any(a => a.AttributeType.FullName == typeof(LoadTestAttribute).FullName);
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException)
        {
            return false;
        }
    }

    private static LoadTestDefinition? Run(Type type, MemberInfo member, MemberSourceLocator locator, List<ModelDiagnostic> diagnostics)
    {
        var name = DisplayName(member);
        var location = locator.Locate(member);
        var problem = ShapeProblem(type, member);
        if (problem is not null)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DefinitionNotUsable, name, location, name, problem));
            return null;
        }

        object? value;
        try
        {
            value = member switch
            {
                MethodInfo method => method.Invoke(null, null),
                PropertyInfo property => property.GetValue(null),
                _ => null,
            };
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            var thrown = e.InnerException;
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DefinitionThrew, name, locator.LocateThrow(thrown) ?? location,
                name, thrown.GetType().Name, OneLine(thrown.Message)));
            return null;
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or MemberAccessException or InvalidOperationException)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DefinitionThrew, name, location, name, e.GetType().Name, OneLine(e.Message)));
            return null;
        }

        LoadTest? loadTest;
        try
        {
            loadTest = value switch
            {
                LoadTest test => test,
                LoadTestBuilder builder => builder.Build(),
                _ => null,
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or NullReferenceException)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DefinitionThrew, name, location, name, e.GetType().Name, OneLine(e.Message)));
            return null;
        }

        if (loadTest is null)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DefinitionNotUsable, name, location, name,
                "it returned null; return the LoadTest built with LoadTest.Create(...)"));
            return null;
        }

        return new LoadTestDefinition(name, loadTest, member);
    }

    private static string? ShapeProblem(Type type, MemberInfo member)
    {
        if (!type.IsVisible)
        {
            return "its type " + TypeDisplayName(type) + " is not public; make the type (and any type it is nested in) public";
        }

        if (type.ContainsGenericParameters)
        {
            return "its type " + TypeDisplayName(type) + " is generic; move the load test to a non-generic type";
        }

        Type returnType;
        switch (member)
        {
            case MethodInfo method:
                if (!method.IsPublic)
                {
                    return "the method is not public; make it public";
                }

                if (!method.IsStatic)
                {
                    return "the method is not static; make it static";
                }

                if (method.ContainsGenericParameters)
                {
                    return "the method is generic; remove its type parameters";
                }

                if (method.GetParameters().Length > 0)
                {
                    return "the method takes parameters; a [LoadTest] method takes none";
                }

                returnType = method.ReturnType;
                break;
            case PropertyInfo property:
                var getter = property.GetGetMethod(nonPublic: true);
                if (getter is null)
                {
                    return "the property has no getter; give it a public static getter";
                }

                if (!getter.IsPublic)
                {
                    return "the property's getter is not public; make it public";
                }

                if (!getter.IsStatic)
                {
                    return "the property is not static; make it static";
                }

                if (property.GetIndexParameters().Length > 0)
                {
                    return "it is an indexer; use a static property or method without parameters";
                }

                returnType = property.PropertyType;
                break;
            default:
                return "only methods and properties can define load tests";
        }

        if (typeof(LoadTest).IsAssignableFrom(returnType) || returnType == typeof(LoadTestBuilder))
        {
            return null;
        }

        if (returnType.FullName is "K6Scenarios.Model.LoadTest" or "K6Scenarios.Model.LoadTestBuilder")
        {
            return "it returns " + returnType.FullName + " from " + returnType.Assembly.GetName() + ", but the emitter uses "
                + typeof(LoadTest).Assembly.GetName() + "; reference one version of K6Scenarios";
        }

        return "it returns " + returnType.Name + "; return LoadTest (or the LoadTestBuilder chain from LoadTest.Create(...))";
    }

    private static List<LoadTestDefinition> RemoveDuplicateNames(List<LoadTestDefinition> found, List<ModelDiagnostic> diagnostics)
    {
        // Names are compared ignoring case: each names a script file, and file systems that ignore case would
        // silently let one script overwrite the other.
        var groups = found.GroupBy(d => d.LoadTest.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var usable = new List<LoadTestDefinition>();
        foreach (var group in groups)
        {
            var definitions = group.ToList();
            if (definitions.Count == 1)
            {
                usable.Add(definitions[0]);
                continue;
            }

            foreach (var definition in definitions)
            {
                var others = string.Join(", ", definitions.Where(d => !ReferenceEquals(d, definition)).Select(d => d.DisplayName));
                diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.DuplicateLoadTestName, definition.DisplayName,
                    definition.LoadTest.DefinedAt, definition.LoadTest.Name, "also by " + others));
            }
        }

        return usable;
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
