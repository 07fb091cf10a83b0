package io.queryadvisor.advisor.rules.support;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.PackedHistogram;

/**
 * The units of work a finding was seen in, for its evidence and title: how many of each kind, one
 * count per unit (repetitions of a query, statements of a run) with its largest value, median and
 * sum, and the endpoints of the requests among them. Bounded: the counts go into a packed histogram,
 * exact up to 255 (2 significant digits), within 1% above; at most {@code maxEndpoints} endpoints
 * are named.
 */
public final class UnitTally {

    private final long maxTracked;
    private final PackedHistogram counts;
    private final long[] unitsByScope = new long[UnitOfWorkKey.Scope.values().length];
    private final CappedCounts endpoints;
    private long max;
    private long total;

    /**
     * @param maxCountPerUnit the largest count a unit can have (larger ones are recorded as this)
     * @param maxEndpoints    endpoints named at most
     */
    public UnitTally(long maxCountPerUnit, int maxEndpoints) {
        this.maxTracked = Math.max(2, maxCountPerUnit);
        this.counts = new PackedHistogram(1, maxTracked, 2);
        this.endpoints = new CappedCounts(maxEndpoints);
    }

    /** One more unit, {@code unit}, with {@code count}. */
    public void record(EndedUnit unit, long count) {
        record(unit.key().scope(), unit.endpoint(), count);
    }

    /** One more unit, of kind {@code scope}, the request to {@code endpoint} (or {@code null}), with {@code count}. */
    public void record(UnitOfWorkKey.Scope scope, String endpoint, long count) {
        unitsByScope[scope.ordinal()]++;
        if (endpoint != null) {
            endpoints.add(endpoint, 1);
        }
        total += count;
        max = Math.max(max, count);
        counts.recordValue(Math.max(1, Math.min(maxTracked, count)));
    }

    public long units() {
        long units = 0;
        for (long n : unitsByScope) {
            units += n;
        }
        return units;
    }

    /** The largest count of a unit. */
    public long max() {
        return max;
    }

    /** The typical unit's count: the median (the lower one of an even number of units). */
    public long median() {
        return counts.getValueAtPercentile(50);
    }

    /** The counts of all units, added up. */
    public long total() {
        return total;
    }

    /** The kinds of unit seen, widest first. */
    public List<UnitOfWorkKey.Scope> scopes() {
        List<UnitOfWorkKey.Scope> scopes = new ArrayList<>();
        for (UnitOfWorkKey.Scope scope : UnitOfWorkKey.Scope.values()) {
            if (unitsByScope[scope.ordinal()] > 0) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /** {@code request, connection checkout}: the kinds, for evidence. */
    public String kinds() {
        return String.join(", ", scopes().stream().map(UnitOfWorkKey.Scope::noun).toList());
    }

    /** {@code request} when all units are of one kind, else {@code unit of work}: what "per ..." refers to. */
    public String perUnit() {
        List<UnitOfWorkKey.Scope> scopes = scopes();
        return scopes.size() == 1 ? scopes.get(0).noun() : "unit of work";
    }

    /** {@code 3 requests}, or {@code 5 units of work} when of several kinds. */
    public String unitsCounted() {
        List<UnitOfWorkKey.Scope> scopes = scopes();
        long units = units();
        return scopes.size() == 1 ? scopes.get(0).count(units) : units + (units == 1 ? " unit" : " units") + " of work";
    }

    public CappedCounts endpoints() {
        return endpoints;
    }
}
