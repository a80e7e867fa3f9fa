import { describe, expect, it } from '@jest/globals';
import { findIdenticalDemandGroups, type CycleDemand, type DemandLine } from './identical-demand.rule.js';

function demandsOf(retailerIds: string[], lines: DemandLine[]): CycleDemand[] {
  return retailerIds.map((retailerId) => ({ retailerId, lines }));
}

const usual: DemandLine[] = [
  { brandId: 'b2', cartons: 5 },
  { brandId: 'b1', cartons: 10 },
];

describe('findIdenticalDemandGroups', () => {
  it('groups 5 retailers with the same lines, whatever their order or split', () => {
    const demands = [
      ...demandsOf(['r3', 'r1', 'r2'], usual),
      { retailerId: 'r4', lines: [...usual].reverse() },
      {
        retailerId: 'r5',
        lines: [
          { brandId: 'b1', cartons: 4 },
          { brandId: 'b2', cartons: 5 },
          { brandId: 'b1', cartons: 6 },
        ],
      },
      { retailerId: 'r6', lines: [{ brandId: 'b1', cartons: 10 }] },
    ];
    expect(findIdenticalDemandGroups(demands)).toEqual([
      {
        signature: '[["b1",10],["b2",5]]',
        lines: [
          { brandId: 'b1', cartons: 10 },
          { brandId: 'b2', cartons: 5 },
        ],
        retailerIds: ['r1', 'r2', 'r3', 'r4', 'r5'],
      },
    ]);
  });

  it.each<[string, CycleDemand[]]>([
    ['4 retailers', demandsOf(['r1', 'r2', 'r3', 'r4'], usual)],
    [
      'one carton different',
      [...demandsOf(['r1', 'r2', 'r3', 'r4'], usual), ...demandsOf(['r5'], [usual[0]])],
    ],
    ['one retailer counted twice', demandsOf(['r1', 'r2', 'r3', 'r4', 'r4'], usual)],
    ['demands without lines', demandsOf(['r1', 'r2', 'r3', 'r4', 'r5'], [])],
    ['no demands', []],
  ])('finds nothing among %s', (_, demands) => {
    expect(findIdenticalDemandGroups(demands)).toEqual([]);
  });

  it('lists the largest group first, and takes a configured group size', () => {
    const single = [{ brandId: 'b9', cartons: 1 }];
    const demands = [...demandsOf(['a', 'b', 'c'], single), ...demandsOf(['d', 'e', 'f', 'g'], usual)];
    expect(findIdenticalDemandGroups(demands, 3).map((group) => group.retailerIds)).toEqual([
      ['d', 'e', 'f', 'g'],
      ['a', 'b', 'c'],
    ]);
  });

  it('tells specs apart even when their ids contain separators', () => {
    const demands = [
      ...demandsOf(['r1', 'r2', 'r3'], [{ brandId: 'a",1],["b', cartons: 2 }]),
      ...demandsOf(
        ['r4', 'r5'],
        [
          { brandId: 'a', cartons: 1 },
          { brandId: 'b', cartons: 2 },
        ],
      ),
    ];
    expect(findIdenticalDemandGroups(demands, 2).map((group) => group.retailerIds)).toEqual([
      ['r1', 'r2', 'r3'],
      ['r4', 'r5'],
    ]);
  });

  it('throws on a group size below 2', () => {
    expect(() => findIdenticalDemandGroups([], 1)).toThrow(RangeError);
  });
});
