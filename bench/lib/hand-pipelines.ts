/**
 * For each benchmark query, the pipeline a MongoDB expert would write by hand for the
 * same result on the benchmark data: one leading $match, the group keys and
 * accumulators written directly, NULL guards only where the data needs them, $round
 * (half to even) where SQL's ROUND rounds half away from zero — the numbers may then
 * differ in the last rounded digit, which the benchmark's comparison allows for.
 * Output field names are the SQL column names, so results compare column by column.
 */
type Stage = Record<string, unknown>;

const D = (iso: string) => new Date(iso);
const BAND = { $switch: { branches: [{ case: { $gte: ['$lifetime_value', 1000] }, then: 'gold' }, { case: { $gte: ['$lifetime_value', 250] }, then: 'silver' }], default: 'bronze' } };

export const HAND_PIPELINES: Record<string, Stage[]> = {
  signups: [
    { $match: { registered_at: { $gte: D('2023-07-01T00:00:00Z') } } },
    {
      $group: {
        _id: {
          domain: { $toLower: { $arrayElemAt: [{ $split: ['$email', '@'] }, 1] } },
          month: { $dateTrunc: { date: '$registered_at', unit: 'month' } },
        },
        signups: { $sum: 1 },
        avg_value: { $avg: { $ifNull: ['$lifetime_value', 0] } },
        top_value: { $max: { $ifNull: ['$lifetime_value', 0] } },
      },
    },
    { $match: { signups: { $gte: 2 } } },
    {
      $project: {
        _id: 0,
        domain: '$_id.domain',
        month: { $dateToString: { date: '$_id.month', format: '%Y-%m' } },
        signups: 1,
        avg_value: { $round: ['$avg_value', 2] },
        top_value: 1,
      },
    },
    { $sort: { month: 1, signups: -1, domain: 1 } },
  ],

  bands: [
    {
      $group: {
        _id: { country: '$profile.address.country', value_band: BAND },
        customers: { $sum: 1 },
        premium: { $sum: { $cond: [{ $eq: ['$profile.premium', true] }, 1, 0] } },
        avg_orders: { $avg: '$orders' },
        joined_2024: { $sum: { $cond: [{ $eq: [{ $year: '$registered_at' }, 2024] }, 1, 0] } },
        last_login: { $max: '$last_login' },
      },
    },
    { $match: { customers: { $gte: 2 } } },
    {
      $project: {
        _id: 0,
        country: '$_id.country',
        value_band: '$_id.value_band',
        customers: 1,
        premium: 1,
        avg_orders: { $round: ['$avg_orders', 1] },
        joined_2024: 1,
        last_seen: { $ifNull: [{ $dateToString: { date: '$last_login', format: '%Y-%m-%d' } }, 'never'] },
      },
    },
    { $sort: { customers: -1, country: 1, value_band: 1 } },
  ],

  cohorts: [
    { $match: { tier: { $ne: 'free' }, last_login: { $ne: null } } },
    {
      $group: {
        _id: { country: '$profile.address.country', cohort: { $dateTrunc: { date: '$registered_at', unit: 'quarter' } } },
        n: { $sum: 1 },
        revenue: { $sum: '$lifetime_value' },
        avg_orders: { $avg: '$orders' },
      },
    },
    { $group: { _id: '$_id.country', cohorts: { $sum: 1 }, customers: { $sum: '$n' }, revenue: { $sum: '$revenue' }, avg_orders: { $avg: '$avg_orders' } } },
    { $match: { customers: { $gte: 10 } } },
    { $project: { _id: 0, country: '$_id', cohorts: 1, customers: 1, revenue: { $round: ['$revenue', 2] }, avg_orders: { $round: ['$avg_orders', 2] } } },
    { $sort: { revenue: -1, country: 1 } },
  ],

  by_origin_hour: [
    { $match: { sched_dep: { $gte: D('2024-01-01T00:00:00Z'), $lt: D('2024-07-01T00:00:00Z') }, distance: { $gt: 200 } } },
    {
      $group: {
        _id: { origin: '$origin', hour: { $hour: '$sched_dep' } },
        flights: { $sum: 1 },
        delayed: { $sum: { $cond: [{ $gt: ['$dep_delay', 15] }, 1, 0] } },
        cancelled: { $sum: { $cond: ['$cancelled', 1, 0] } },
        avg_dep_delay: { $avg: '$dep_delay' },
        worst_arrival: { $max: '$arr_delay' },
      },
    },
    { $match: { flights: { $gte: 5 } } },
    {
      $project: {
        _id: 0,
        origin: '$_id.origin',
        hour: '$_id.hour',
        flights: 1,
        delayed: 1,
        cancelled: 1,
        avg_dep_delay: { $round: ['$avg_dep_delay', 1] },
        worst_arrival: 1,
      },
    },
    { $sort: { origin: 1, hour: 1 } },
  ],

  by_carrier_month: [
    { $match: { origin: { $in: ['ATL', 'ORD', 'DFW', 'DEN', 'LAX', 'JFK'] } } },
    {
      $group: {
        _id: { carrier: '$carrier', month: { $dateTrunc: { date: '$sched_dep', unit: 'month' } } },
        flights: { $sum: 1 },
        cancelled: { $sum: { $cond: ['$cancelled', 1, 0] } },
        // arr_delay is missing on cancelled flights; MongoDB orders null below numbers, so guard the <=
        on_time: { $sum: { $cond: [{ $and: [{ $isNumber: '$arr_delay' }, { $lte: ['$arr_delay', 15] }] }, 1, 0] } },
        avg_arr_delay: { $avg: '$arr_delay' },
        long_delays: { $sum: { $cond: [{ $gt: ['$dep_delay', 60] }, 1, 0] } },
      },
    },
    {
      $project: {
        _id: 0,
        carrier: '$_id.carrier',
        month: '$_id.month',
        flights: 1,
        cancelled: 1,
        on_time_pct: { $round: [{ $divide: [{ $multiply: [100, '$on_time'] }, '$flights'] }, 1] },
        avg_arr_delay: { $round: ['$avg_arr_delay', 1] },
        long_delays: 1,
      },
    },
    { $sort: { carrier: 1, month: 1 } },
  ],
  daily_moving_avg: [
    { $match: { cancelled: false } },
    {
      $group: {
        _id: { origin: '$origin', day: { $dateTrunc: { date: '$sched_dep', unit: 'day' } } },
        flights: { $sum: 1 },
        avg_delay: { $avg: '$dep_delay' },
      },
    },
    {
      $setWindowFields: {
        partitionBy: '$_id.origin',
        sortBy: { '_id.day': 1 },
        output: {
          delay_7d: { $avg: '$avg_delay', window: { documents: [-6, 0] } },
          flights_7d: { $sum: '$flights', window: { documents: [-6, 0] } },
        },
      },
    },
    {
      $project: {
        _id: 0,
        origin: '$_id.origin',
        day: '$_id.day',
        flights: 1,
        avg_delay: { $round: ['$avg_delay', 2] },
        delay_7d: { $round: ['$delay_7d', 2] },
        flights_7d: 1,
      },
    },
    { $sort: { origin: 1, day: 1 } },
  ],

  by_region: [
    { $match: { distance: { $gt: 1000 } } },
    { $lookup: { from: 'airports', localField: 'origin', foreignField: 'code', as: 'a' } },
    { $unwind: '$a' },
    {
      $group: {
        _id: { region: '$a.region', carrier: '$carrier' },
        flights: { $sum: 1 },
        from_hubs: { $sum: { $cond: ['$a.hub', 1, 0] } },
        avg_dep_delay: { $avg: '$dep_delay' },
        longest: { $max: '$distance' },
      },
    },
    { $project: { _id: 0, region: '$_id.region', carrier: '$_id.carrier', flights: 1, from_hubs: 1, avg_dep_delay: { $round: ['$avg_dep_delay', 1] }, longest: 1 } },
    { $sort: { region: 1, carrier: 1 } },
  ],

  // over account_updates; the key is the table's _id; accounts' regions are never 'closed', but the condition stays
  upsert: [
    { $project: { _id: '$id', id: 1, region: 1, balance: '$amount', visits: 1, updated_at: '$seen_at' } },
    {
      $merge: {
        into: 'accounts',
        on: '_id',
        whenMatched: [
          {
            $replaceWith: {
              $cond: [
                { $ne: ['$region', 'closed'] },
                {
                  $mergeObjects: [
                    '$$ROOT',
                    { balance: { $add: ['$balance', '$$new.balance'] }, visits: { $add: ['$visits', '$$new.visits'] }, region: '$$new.region', updated_at: '$$new.updated_at' },
                  ],
                },
                '$$ROOT',
              ],
            },
          },
        ],
        whenNotMatched: 'insert',
      },
    },
  ],
};
