using Orleans.Runtime;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// The grain factory a method is built with, answering <c>GetGrain&lt;T&gt;(0)</c> with the in-memory grains a test
/// gave it; any other lookup fails loudly, so a test never reaches a cluster it does not have.
/// </summary>
internal sealed class InMemoryGrainFactory(params IGrainWithIntegerKey[] grains) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        grains.OfType<TGrainInterface>().SingleOrDefault()
            ?? throw new NotSupportedException($"no in-memory {typeof(TGrainInterface).Name} was given to this test");

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey => throw Unsupported();

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey => throw Unsupported();

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey => throw Unsupported();

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey => throw Unsupported();

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver => throw Unsupported();

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey) => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey) => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, string grainPrimaryKey) => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey, string keyExtension) => throw Unsupported();

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey, string keyExtension) => throw Unsupported();

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable => throw Unsupported();

    public IAddressable GetGrain(GrainId grainId) => throw Unsupported();

    public IAddressable GetGrain(GrainId grainId, GrainInterfaceType interfaceType) => throw Unsupported();

    public IAddressable GetGrain(Type interfaceType, IdSpan grainKey, string grainClassNamePrefix) => throw Unsupported();

    public IAddressable GetGrain(Type interfaceType, IdSpan grainKey) => throw Unsupported();

    private static NotSupportedException Unsupported() =>
        new("the unit tests' grain factory answers only GetGrain<T>(long) with the grains a test gave it");
}
