// Example data for the calibration and BMP tools, so a user can try them before pasting their own. Both are synthetic.

/**
 * The BSM2 benchmark digester run for 30 days with k_dis = 0.35 and k_hyd_ch = 6 1/d (instead of 0.5 and 10), sampled
 * every 2 days, with 2 % noise on methane and 0.01 on pH: fitting k_dis should move it toward 0.35.
 */
export const EXAMPLE_DIGESTER_CSV = `# synthetic: adsim BSM2 run, k_dis = 0.35, k_hyd_ch = 6, noise added
time [d],q_ch4 [Nm3/d],pH
2,1576.6,7.479
4,1552.3,7.476
6,1577.7,7.463
8,1648.2,7.467
10,1587.3,7.473
12,1624.9,7.465
14,1607.9,7.456
16,1577.7,7.461
18,1547.0,7.450
20,1537.7,7.463
22,1583.9,7.462
24,1591.6,7.452
26,1586.9,7.468
28,1613.3,7.457
30,1576.7,7.445
`;

/** A first-order BMP curve, B0 = 260 NmL CH4/g VS and k = 0.18 1/d, with a little noise (synthetic). */
export const EXAMPLE_BMP_CSV = `# synthetic first-order BMP curve: B0 = 260, k = 0.18 1/d
time [d],B [NmL/gVS]
0,0
1,44
2,80
3,109
5,153
7,187
10,217
14,240
18,249
22,254
28,259
35,258
`;
