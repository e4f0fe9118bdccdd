using System;
using System.Collections.Generic;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Model;

/// <summary>
/// A distributed run on Kubernetes with the k6-operator: the emitter writes <c>{name}.testrun.yaml</c>, a ConfigMap
/// holding the script and its data files and a <c>TestRun</c> (<c>k6.io/v1alpha1</c>) that runs it on
/// <see cref="Parallelism"/> runner pods. Each runner gets its execution segment, so VUs, iterations and rates are split
/// between them, and unique pool selections stay unique because they use <c>exec.vu.idInTest</c>.
/// </summary>
public sealed record KubernetesRun
{
    /// <summary>Gets how many runner pods share the load (at least 1).</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Gets the namespace of the ConfigMap and the TestRun, or <see langword="null"/> for kubectl's current one.</summary>
    public string? Namespace { get; init; }

    /// <summary>Gets the runner image, or <see langword="null"/> for the operator's default k6 image.</summary>
    public string? RunnerImage { get; init; }

    /// <summary>Gets whether each runner pod gets a node of its own (<c>separate</c>).</summary>
    public bool Separate { get; init; }

    /// <summary>
    /// Gets the Kubernetes Secret the runs read, or <see langword="null"/> to set things up yourself: its key
    /// <c>secrets.txt</c> (one <c>NAME=value</c> line per <see cref="Value.Secret"/>) is mounted for k6's file secret
    /// source, and its keys named after required environment variables become the runners' environment.
    /// </summary>
    public string? SecretName { get; init; }

    /// <summary>Gets extra k6 command-line arguments for every runner (besides the load test's outputs).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Gets where the run was configured (the <c>RunOnKubernetes</c> call, or the start of a scenario file's <c>kubernetes</c> settings), for diagnostics.</summary>
    public SourceLocation? DefinedAt { get; init; }
}
