/**
 * Reference values for the A/B statistics, computed independently with SciPy 1.10 and statsmodels 0.13 (not with
 * this project's code), copied verbatim from /work/shared/reference/ab-stats-vectors.json (`abTests[]` and
 * `sampleSizes[]`). SciPy's SRM p-value of 0 is an underflow below ~1e-308.
 */
export type AbReferenceVector = {
  input: { a: { samples: number; successes: number }; b: { samples: number; successes: number }; trafficSplit: number; alpha: number };
  expected: {
    a: { rate: number; ci: [number, number] };
    b: { rate: number; ci: [number, number] };
    difference: { estimate: number; ci: [number, number] };
    relativeLift: { estimate: number; ci: [number, number] };
    zScore: number;
    pValue: number;
    pooledPValue: number;
    probabilityBBeatsA: number;
    srm: { pValue: number; mismatch: boolean };
  };
};

export const AB_TEST_VECTORS: readonly AbReferenceVector[] = [
 {
  input: {
   a: {
    samples: 800,
    successes: 308
   },
   b: {
    samples: 1014,
    successes: 346
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.385,
    ci: [
     0.35190703159635445,
     0.4191921099309512
    ]
   },
   b: {
    rate: 0.34122287968441817,
    ci: [
     0.3126889207029944,
     0.37095532741686493
    ]
   },
   difference: {
    estimate: -0.04377712031558184,
    ci: [
     -0.08837028399270527,
     0.0008160433615415907
    ]
   },
   relativeLift: {
    estimate: -0.11370680601449829,
    ci: [
     -0.222199036457071,
     -0.0052145755719256726
    ]
   },
   zScore: -1.9240971505556999,
   pValue: 0.054342407196724625,
   pooledPValue: 0.053852418266561904,
   probabilityBBeatsA: 0.026974852561099914,
   srm: {
    pValue: 0.0003628423034421322,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 50,
    successes: 5
   },
   b: {
    samples: 45,
    successes: 5
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.1,
    ci: [
     0.0434757649318904,
     0.21360231437479657
    ]
   },
   b: {
    rate: 0.1111111111111111,
    ci: [
     0.04840471794567183,
     0.23499096995768579
    ]
   },
   difference: {
    estimate: 0.0111111111111111,
    ci: [
     -0.11276710011908542,
     0.13498932234130762
    ]
   },
   relativeLift: {
    estimate: 0.111111111111111,
    ci: [
     -1.1914924547308459,
     1.4137146769530677
    ]
   },
   zScore: 0.17579667473186866,
   pValue: 0.8604536821339911,
   pooledPValue: 0.8601383553489862,
   probabilityBBeatsA: 0.5733432111722747,
   srm: {
    pValue: 0.607958892174999,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 50,
    successes: 5
   },
   b: {
    samples: 48,
    successes: 3
   },
   trafficSplit: 0.2,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.1,
    ci: [
     0.0434757649318904,
     0.21360231437479657
    ]
   },
   b: {
    rate: 0.0625,
    ci: [
     0.021483232908389285,
     0.16835438054946356
    ]
   },
   difference: {
    estimate: -0.037500000000000006,
    ci: [
     -0.14522143084934197,
     0.07022143084934195
    ]
   },
   relativeLift: {
    estimate: -0.37500000000000006,
    ci: [
     -1.2346689200082022,
     0.4846689200082023
    ]
   },
   zScore: -0.682302944184305,
   pValue: 0.49504741177308764,
   pooledPValue: 0.49791621266350927,
   probabilityBBeatsA: 0.2640064729337632,
   srm: {
    pValue: 7.386509801077916e-13,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 50,
    successes: 8
   },
   b: {
    samples: 59,
    successes: 8
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.16,
    ci: [
     0.08337420678033405,
     0.2851421606303499
    ]
   },
   b: {
    rate: 0.13559322033898305,
    ci: [
     0.0703417467253372,
     0.245396608065373
    ]
   },
   difference: {
    estimate: -0.024406779661016953,
    ci: [
     -0.15841115514148194,
     0.10959759581944803
    ]
   },
   relativeLift: {
    estimate: -0.15254237288135594,
    ci: [
     -0.9192110439566235,
     0.6141262981939115
    ]
   },
   zScore: -0.3569764714225431,
   pValue: 0.7211094199119874,
   pooledPValue: 0.7197565566670291,
   probabilityBBeatsA: 0.3565617522210017,
   srm: {
    pValue: 0.21082540318182444,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 50,
    successes: 19
   },
   b: {
    samples: 52,
    successes: 23
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.38,
    ci: [
     0.2586278931019359,
     0.5184955306900701
    ]
   },
   b: {
    rate: 0.4423076923076923,
    ci: [
     0.3159505681940129,
     0.5766023821279712
    ]
   },
   difference: {
    estimate: 0.062307692307692286,
    ci: [
     -0.12827988046823866,
     0.25289526508362326
    ]
   },
   relativeLift: {
    estimate: 0.16396761133603233,
    ci: [
     -0.3801154838350457,
     0.7080507065071105
    ]
   },
   zScore: 0.6407596838774723,
   pValue: 0.52167883035523,
   pooledPValue: 0.5227010751128633,
   probabilityBBeatsA: 0.7361182855798046,
   srm: {
    pValue: 0.8430219763697248,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 10000,
    successes: 2962
   },
   b: {
    samples: 12150,
    successes: 3184
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.2962,
    ci: [
     0.2873308257258301,
     0.3052256920100576
    ]
   },
   b: {
    rate: 0.2620576131687243,
    ci: [
     0.25431436309297895,
     0.2699512759158553
    ]
   },
   difference: {
    estimate: -0.03414238683127574,
    ci: [
     -0.04602612009116676,
     -0.02225865357138472
    ]
   },
   relativeLift: {
    estimate: -0.11526801766129553,
    ci: [
     -0.15283618837714102,
     -0.07769984694545012
    ]
   },
   zScore: -5.631045991362881,
   pValue: 1.7911995019115248e-8,
   pooledPValue: 1.627720614472556e-8,
   probabilityBBeatsA: 8.383396286021186e-9,
   srm: {
    pValue: 2.651626261414723e-47,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 10000,
    successes: 7437
   },
   b: {
    samples: 8850,
    successes: 6315
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.7437,
    ci: [
     0.7350505557735837,
     0.7521622834205485
    ]
   },
   b: {
    rate: 0.7135593220338983,
    ci: [
     0.7040491639788389,
     0.7228841640664867
    ]
   },
   difference: {
    estimate: -0.03014067796610176,
    ci: [
     -0.0428662970185342,
     -0.01741505891366932
    ]
   },
   relativeLift: {
    estimate: -0.04052800587078359,
    ci: [
     -0.05732921754067399,
     -0.0237267942008933
    ]
   },
   zScore: -4.642182281253154,
   pValue: 0.00000344748510684353,
   pooledPValue: 0.0000033289217712430996,
   probabilityBBeatsA: 0.000001682289585319455,
   srm: {
    pValue: 7.379181752038496e-293,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 10000,
    successes: 3665
   },
   b: {
    samples: 10833,
    successes: 4082
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.3665,
    ci: [
     0.35710888560308823,
     0.3759936419618823
    ]
   },
   b: {
    rate: 0.37681159420289856,
    ci: [
     0.36773150926342946,
     0.3859790151414878
    ]
   },
   difference: {
    estimate: 0.010311594202898566,
    ci: [
     -0.0028208315138312477,
     0.02344401991962838
    ]
   },
   relativeLift: {
    estimate: 0.02813531842537126,
    ci: [
     -0.008221540144373075,
     0.06449217699511547
    ]
   },
   zScore: 1.5389657399795216,
   pValue: 0.12381266038548704,
   pooledPValue: 0.12391917677796148,
   probabilityBBeatsA: 0.9380216387177515,
   srm: {
    pValue: 7.86905549614543e-9,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 10000,
    successes: 2251
   },
   b: {
    samples: 7357,
    successes: 1839
   },
   trafficSplit: 0.2,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.2251,
    ci: [
     0.2170206985928395,
     0.23339042371135843
    ]
   },
   b: {
    rate: 0.2499660187576458,
    ci: [
     0.24020407328822524,
     0.25998893853227045
    ]
   },
   difference: {
    estimate: 0.024866018757645797,
    ci: [
     0.012024646265033858,
     0.03770739125025774
    ]
   },
   relativeLift: {
    estimate: 0.11046654268167835,
    ci: [
     0.050778112462378386,
     0.17015497290097847
    ]
   },
   zScore: 3.7952719798388284,
   pValue: 0.00014748168820179585,
   pooledPValue: 0.00013641852208159507,
   probabilityBBeatsA: 0.9999304393123787,
   srm: {
    pValue: 0,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 250000,
    successes: 136932
   },
   b: {
    samples: 222122,
    successes: 121629
   },
   trafficSplit: 0.3,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.547728,
    ci: [
     0.5457762673786528,
     0.5496782658827122
    ]
   },
   b: {
    rate: 0.5475774574333024,
    ci: [
     0.5455067626679939,
     0.5496465065832938
    ]
   },
   difference: {
    estimate: -0.0001505425666975535,
    ci: [
     -0.002994993194070751,
     0.002693908060675644
    ]
   },
   relativeLift: {
    estimate: -0.00027484913441991923,
    ci: [
     -0.0054673586461695175,
     0.004917660377329746
    ]
   },
   zScore: -0.10373110576361276,
   pValue: 0.9173827409760852,
   pooledPValue: 0.9173826011506548,
   probabilityBBeatsA: 0.4586826989573132,
   srm: {
    pValue: 0,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 120,
    successes: 77
   },
   b: {
    samples: 141,
    successes: 88
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.6416666666666667,
    ci: [
     0.5527053600179013,
     0.7218392094967996
    ]
   },
   b: {
    rate: 0.624113475177305,
    ci: [
     0.5418740324135514,
     0.6997694879222118
    ]
   },
   difference: {
    estimate: -0.01755319148936174,
    ci: [
     -0.13482208517404998,
     0.09971570219532651
    ]
   },
   relativeLift: {
    estimate: -0.02735562310030401,
    ci: [
     -0.20745372719758204,
     0.15274248099697396
    ]
   },
   zScore: -0.2933738185113967,
   pValue: 0.7692364352734484,
   pooledPValue: 0.7694544258036478,
   probabilityBBeatsA: 0.3866183404758337,
   srm: {
    pValue: 0.04871759506415522,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 800,
    successes: 635
   },
   b: {
    samples: 812,
    successes: 669
   },
   trafficSplit: 0.3,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.79375,
    ci: [
     0.7643404031459192,
     0.8203520070832461
    ]
   },
   b: {
    rate: 0.8238916256157636,
    ci: [
     0.7961842267564173,
     0.8485488820026515
    ]
   },
   difference: {
    estimate: 0.030141625615763612,
    ci: [
     -0.008231953027499017,
     0.06851520425902624
    ]
   },
   relativeLift: {
    estimate: 0.037973701563166755,
    ci: [
     -0.011359521312232022,
     0.08730692443856544
    ]
   },
   zScore: 1.5395098067758364,
   pValue: 0.1236798856161038,
   pooledPValue: 0.12378749239556806,
   probabilityBBeatsA: 0.9379111251567029,
   srm: {
    pValue: 2.9488844388833035e-71,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 10000,
    successes: 1504
   },
   b: {
    samples: 12881,
    successes: 1885
   },
   trafficSplit: 0.3,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.1504,
    ci: [
     0.14352815759883644,
     0.15754033406194065
    ]
   },
   b: {
    rate: 0.14633956990916855,
    ci: [
     0.14034125826654034,
     0.15254876066630432
    ]
   },
   difference: {
    estimate: -0.004060430090831457,
    ci: [
     -0.013352462587101523,
     0.005231602405438608
    ]
   },
   relativeLift: {
    estimate: -0.026997540497549582,
    ci: [
     -0.0878370276146619,
     0.033841946619562815
    ]
   },
   zScore: -0.8564645832832497,
   pValue: 0.39174085485605625,
   pooledPValue: 0.3910745757975821,
   probabilityBBeatsA: 0.19507061300012807,
   srm: {
    pValue: 0,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 120,
    successes: 49
   },
   b: {
    samples: 151,
    successes: 70
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.4083333333333333,
    ci: [
     0.3245613454748446,
     0.4977921683685844
    ]
   },
   b: {
    rate: 0.46357615894039733,
    ci: [
     0.38592950866153936,
     0.5430300859859255
    ]
   },
   difference: {
    estimate: 0.055242825607064006,
    ci: [
     -0.06333342839489618,
     0.1738190796090242
    ]
   },
   relativeLift: {
    estimate: 0.13528855250709554,
    ci: [
     -0.17732386603626288,
     0.44790097105045384
    ]
   },
   zScore: 0.9131166227622827,
   pValue: 0.36118120870326154,
   pooledPValue: 0.3627087334978165,
   probabilityBBeatsA: 0.8172202428260772,
   srm: {
    pValue: 0.059684664039857206,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 250000,
    successes: 180183
   },
   b: {
    samples: 258711,
    successes: 196814
   },
   trafficSplit: 0.3,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.720732,
    ci: [
     0.7189699841104948,
     0.72248723253063
    ]
   },
   b: {
    rate: 0.7607484799641299,
    ci: [
     0.7591006661875207,
     0.7623885504312119
    ]
   },
   difference: {
    estimate: 0.040016479964129825,
    ci: [
     0.03760912332871583,
     0.042423836599543824
    ]
   },
   relativeLift: {
    estimate: 0.05552199703097659,
    ci: [
     0.0520816281800444,
     0.0589623658819088
    ]
   },
   zScore: 32.579659516993544,
   pValue: 7.962954729414725e-233,
   pooledPValue: 9.673515207956843e-233,
   probabilityBBeatsA: 0.9999999999993625,
   srm: {
    pValue: 0,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 47000,
    successes: 22192
   },
   b: {
    samples: 42775,
    successes: 21808
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.47217021276595744,
    ci: [
     0.46765935858031904,
     0.47668561581306457
    ]
   },
   b: {
    rate: 0.5098305084745762,
    ci: [
     0.5050924484324026,
     0.5145668029947206
    ]
   },
   difference: {
    estimate: 0.037660295708618785,
    ci: [
     0.031117142596932865,
     0.044203448820304705
    ]
   },
   relativeLift: {
    estimate: 0.07975999902239919,
    ci: [
     0.06536591145594497,
     0.09415408658885335
    ]
   },
   zScore: 11.280925568468385,
   pValue: 1.6302166709144263e-29,
   pooledPValue: 1.7705780143474287e-29,
   probabilityBBeatsA: 0.9999999999981914,
   srm: {
    pValue: 3.7458219845173207e-45,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 250000,
    successes: 69862
   },
   b: {
    samples: 189039,
    successes: 57869
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.279448,
    ci: [
     0.2776924177369944,
     0.2812103600902651
    ]
   },
   b: {
    rate: 0.3061220171499003,
    ci: [
     0.3040483776527082,
     0.30820353607041906
    ]
   },
   difference: {
    estimate: 0.02667401714990031,
    ci: [
     0.023951807897010798,
     0.02939622640278982
    ]
   },
   relativeLift: {
    estimate: 0.0954525247985325,
    ci: [
     0.08531254235146925,
     0.10559250724559575
    ]
   },
   zScore: 19.2050309436408,
   pValue: 3.3592378243109147e-82,
   pooledPValue: 9.922529072050218e-83,
   probabilityBBeatsA: 0.999999999998195,
   srm: {
    pValue: 0,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 50,
    successes: 16
   },
   b: {
    samples: 56,
    successes: 18
   },
   trafficSplit: 0.2,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.32,
    ci: [
     0.2075821626065684,
     0.45810297308144077
    ]
   },
   b: {
    rate: 0.32142857142857145,
    ci: [
     0.2140099479255152,
     0.45177360090261476
    ]
   },
   difference: {
    estimate: 0.0014285714285714457,
    ci: [
     -0.17656013302712015,
     0.17941727588426304
    ]
   },
   relativeLift: {
    estimate: 0.004464285714285768,
    ci: [
     -0.553062165940157,
     0.5619907373687286
    ]
   },
   zScore: 0.015731046292547096,
   pValue: 0.9874489586989856,
   pooledPValue: 0.9874498084729844,
   probabilityBBeatsA: 0.5040133739458181,
   srm: {
    pValue: 2.908366050582687e-17,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 800,
    successes: 643
   },
   b: {
    samples: 903,
    successes: 715
   },
   trafficSplit: 0.2,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.80375,
    ci: [
     0.7748046422648461,
     0.8297921904402056
    ]
   },
   b: {
    rate: 0.7918050941306756,
    ci: [
     0.7641143813755135,
     0.8170235836722463
    ]
   },
   difference: {
    estimate: -0.011944905869324396,
    ci: [
     -0.05013795242247068,
     0.02624814068382189
    ]
   },
   relativeLift: {
    estimate: -0.01486146919978152,
    ci: [
     -0.062014669097776365,
     0.032291730698213394
    ]
   },
   zScore: -0.6129803044127232,
   pValue: 0.5398893628228363,
   pooledPValue: 0.5404742901399637,
   probabilityBBeatsA: 0.2713754038457591,
   srm: {
    pValue: 2.0206332304023066e-254,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 800,
    successes: 120
   },
   b: {
    samples: 640,
    successes: 68
   },
   trafficSplit: 0.3,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.15,
    ci: [
     0.1269318643770823,
     0.17641334896689095
    ]
   },
   b: {
    rate: 0.10625,
    ci: [
     0.08468067405924785,
     0.13251791870742127
    ]
   },
   difference: {
    estimate: -0.04375,
    ci: [
     -0.07813334741129144,
     -0.009366652588708564
    ]
   },
   relativeLift: {
    estimate: -0.2916666666666667,
    ci: [
     -0.4891127192792498,
     -0.09422061405408341
    ]
   },
   zScore: -2.493894014969227,
   pValue: 0.012635026503365702,
   pooledPValue: 0.014342305248146288,
   probabilityBBeatsA: 0.007116642659385108,
   srm: {
    pValue: 5.677953698685159e-33,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 120,
    successes: 47
   },
   b: {
    samples: 137,
    successes: 60
   },
   trafficSplit: 0.2,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.39166666666666666,
    ci: [
     0.30899196972332565,
     0.4810621830007269
    ]
   },
   b: {
    rate: 0.43795620437956206,
    ci: [
     0.3576933765384078,
     0.5216035283477964
    ]
   },
   difference: {
    estimate: 0.0462895377128954,
    ci: [
     -0.07424827725624719,
     0.166827352682038
    ]
   },
   relativeLift: {
    estimate: 0.11818605373505209,
    ci: [
     -0.20916848113722408,
     0.44554058860732826
    ]
   },
   zScore: 0.7526752231364835,
   pValue: 0.45164510233021404,
   pooledPValue: 0.4526288688577833,
   probabilityBBeatsA: 0.7722332761297205,
   srm: {
    pValue: 1.201250288716019e-40,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 50,
    successes: 20
   },
   b: {
    samples: 39,
    successes: 15
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.4,
    ci: [
     0.2760838973025654,
     0.5381856225241064
    ]
   },
   b: {
    rate: 0.38461538461538464,
    ci: [
     0.24891373465561337,
     0.5410093854307492
    ]
   },
   difference: {
    estimate: -0.015384615384615385,
    ci: [
     -0.21971856237935025,
     0.18894933161011948
    ]
   },
   relativeLift: {
    estimate: -0.038461538461538464,
    ci: [
     -0.5407142993411662,
     0.46379122241808934
    ]
   },
   zScore: -0.14756868603249737,
   pValue: 0.8826831694080522,
   pooledPValue: 0.8827974008147138,
   probabilityBBeatsA: 0.4451058855004524,
   srm: {
    pValue: 0.24361538832991475,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 250000,
    successes: 129422
   },
   b: {
    samples: 239578,
    successes: 130664
   },
   trafficSplit: 0.3,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.517688,
    ci: [
     0.5157290060520825,
     0.5196464503744811
    ]
   },
   b: {
    rate: 0.5453923148202255,
    ci: [
     0.5433977297380983,
     0.5473854442602466
    ]
   },
   difference: {
    estimate: 0.027704314820225506,
    ci: [
     0.02490928684632718,
     0.03049934279412383
    ]
   },
   relativeLift: {
    estimate: 0.05351546649763082,
    ci: [
     0.04797262690137911,
     0.059058306093882344
    ]
   },
   zScore: 19.427161291794818,
   pValue: 4.548302545684213e-84,
   pooledPValue: 5.412675233130222e-84,
   probabilityBBeatsA: 0.9999999999985022,
   srm: {
    pValue: 0,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 47000,
    successes: 40611
   },
   b: {
    samples: 57834,
    successes: 48041
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.8640638297872341,
    ci: [
     0.8609356448555983,
     0.8671325074034324
    ]
   },
   b: {
    rate: 0.8306705398208666,
    ci: [
     0.8275920103586395,
     0.8337051445020195
    ]
   },
   difference: {
    estimate: -0.03339328996636748,
    ci: [
     -0.037745636012872986,
     -0.02904094391986197
    ]
   },
   relativeLift: {
    estimate: -0.038646786053514355,
    ci: [
     -0.043586154445703254,
     -0.03370741766132544
    ]
   },
   zScore: -15.037785359905477,
   pValue: 4.1520981458006793e-51,
   pooledPValue: 4.250104225043825e-50,
   probabilityBBeatsA: 4.823735176091846e-61,
   srm: {
    pValue: 1.7860839094998966e-245,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 120,
    successes: 30
   },
   b: {
    samples: 100,
    successes: 25
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.25,
    ci: [
     0.18109821656809566,
     0.33441136664125615
    ]
   },
   b: {
    rate: 0.25,
    ci: [
     0.17545211362287677,
     0.3430446354806161
    ]
   },
   difference: {
    estimate: 0,
    ci: [
     -0.11491307452216243,
     0.11491307452216243
    ]
   },
   relativeLift: {
    estimate: 0,
    ci: [
     -0.4596522980886497,
     0.4596522980886497
    ]
   },
   zScore: 0,
   pValue: 1,
   pooledPValue: 1,
   probabilityBBeatsA: 0.5037160476353798,
   srm: {
    pValue: 0.000010634400633137744,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 120,
    successes: 6
   },
   b: {
    samples: 102,
    successes: 5
   },
   trafficSplit: 0.3,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.05,
    ci: [
     0.023114364414465786,
     0.10480288536236737
    ]
   },
   b: {
    rate: 0.049019607843137254,
    ci: [
     0.021117596548914284,
     0.10965780068122896
    ]
   },
   difference: {
    estimate: -0.0009803921568627486,
    ci: [
     -0.05821871223344921,
     0.05625792791972371
    ]
   },
   relativeLift: {
    estimate: -0.01960784313725497,
    ci: [
     -1.1540115472196657,
     1.114795860945156
    ]
   },
   zScore: -0.033570749728599046,
   pValue: 0.9732194474506267,
   pooledPValue: 0.9732398790776033,
   probabilityBBeatsA: 0.49873284032653004,
   srm: {
    pValue: 2.1645301555543043e-7,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 10000,
    successes: 8601
   },
   b: {
    samples: 10398,
    successes: 9214
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.8601,
    ci: [
     0.8531628345673777,
     0.8667606098060608
    ]
   },
   b: {
    rate: 0.8861319484516254,
    ci: [
     0.8798832804821668,
     0.8920954150007001
    ]
   },
   difference: {
    estimate: 0.026031948451625375,
    ci: [
     0.016894060782382113,
     0.03516983612086864
    ]
   },
   relativeLift: {
    estimate: 0.030266188177683263,
    ci: [
     0.019462787709228976,
     0.0410695886461377
    ]
   },
   zScore: 5.583531255732129,
   pValue: 2.3568339789779143e-8,
   pooledPValue: 2.286154537187913e-8,
   probabilityBBeatsA: 0.9999999885953067,
   srm: {
    pValue: 1.5060685100450242e-152,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 10000,
    successes: 6788
   },
   b: {
    samples: 10929,
    successes: 7421
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.6788,
    ci: [
     0.6695810354219234,
     0.6878816467607225
    ]
   },
   b: {
    rate: 0.679019123433068,
    ci: [
     0.670204905691754,
     0.6877075377236735
    ]
   },
   difference: {
    estimate: 0.00021912343306806914,
    ci: [
     -0.012444368778948894,
     0.012882615645085032
    ]
   },
   relativeLift: {
    estimate: 0.00032281000746621854,
    ci: [
     -0.01833604005399436,
     0.01898166006892665
    ]
   },
   zScore: 0.033914344462946895,
   pValue: 0.9729454545412833,
   pooledPValue: 0.9729452393977712,
   probabilityBBeatsA: 0.5136515332381987,
   srm: {
    pValue: 8.034508646128488e-117,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 2500,
    successes: 963
   },
   b: {
    samples: 2347,
    successes: 911
   },
   trafficSplit: 0.2,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.3852,
    ci: [
     0.36631391757278964,
     0.4044383407309956
    ]
   },
   b: {
    rate: 0.3881550916063059,
    ci: [
     0.36863730141282003,
     0.40803840845688444
    ]
   },
   difference: {
    estimate: 0.002955091606305915,
    ci: [
     -0.02447862453543529,
     0.03038880774804712
    ]
   },
   relativeLift: {
    estimate: 0.007671577378779635,
    ci: [
     -0.06381252651192972,
     0.07915568126948903
    ]
   },
   zScore: 0.21112244106673192,
   pValue: 0.8327917294399068,
   pooledPValue: 0.8327851439492546,
   probabilityBBeatsA: 0.5836954815042827,
   srm: {
    pValue: 0,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 50,
    successes: 44
   },
   b: {
    samples: 40,
    successes: 35
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.88,
    ci: [
     0.7619518261679701,
     0.9438239984906771
    ]
   },
   b: {
    rate: 0.875,
    ci: [
     0.738878801611489,
     0.945404997490546
    ]
   },
   difference: {
    estimate: -0.0050000000000000044,
    ci: [
     -0.14144467740495226,
     0.13144467740495225
    ]
   },
   relativeLift: {
    estimate: -0.005681818181818187,
    ci: [
     -0.1603492871373626,
     0.14898565077372614
    ]
   },
   zScore: -0.07182266182223825,
   pValue: 0.9427430378659147,
   pooledPValue: 0.9426330531277736,
   probabilityBBeatsA: 0.459063167300778,
   srm: {
    pValue: 0.29184054514378543,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 800,
    successes: 110
   },
   b: {
    samples: 848,
    successes: 127
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.1375,
    ci: [
     0.11536299280128524,
     0.16310169244782993
    ]
   },
   b: {
    rate: 0.14976415094339623,
    ci: [
     0.12732851450089785,
     0.1753586300971766
    ]
   },
   difference: {
    estimate: 0.012264150943396224,
    ci: [
     -0.02159284176902796,
     0.04612114365582041
    ]
   },
   relativeLift: {
    estimate: 0.08919382504288162,
    ci: [
     -0.1681838844918191,
     0.3465715345775824
    ]
   },
   zScore: 0.7099654229242511,
   pValue: 0.47772557839907914,
   pooledPValue: 0.47824839561297505,
   probabilityBBeatsA: 0.7599122383067578,
   srm: {
    pValue: 1.4440611894699398e-12,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 50,
    successes: 29
   },
   b: {
    samples: 63,
    successes: 33
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.58,
    ci: [
     0.44233441768578224,
     0.7062499664528801
    ]
   },
   b: {
    rate: 0.5238095238095238,
    ci: [
     0.40270356436737237,
     0.6421787594617299
    ]
   },
   difference: {
    estimate: -0.056190476190476124,
    ci: [
     -0.2403776227362267,
     0.12799667035527446
    ]
   },
   relativeLift: {
    estimate: -0.09688013136288988,
    ci: [
     -0.39786063287507284,
     0.2041003701492931
    ]
   },
   zScore: -0.5979315694547279,
   pValue: 0.5498855941662273,
   pooledPValue: 0.5510560159551898,
   probabilityBBeatsA: 0.2783085666704554,
   srm: {
    pValue: 0.22135344360432577,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 10000,
    successes: 5892
   },
   b: {
    samples: 9257,
    successes: 5965
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.5892,
    ci: [
     0.5795249263679789,
     0.5988065683226922
    ]
   },
   b: {
    rate: 0.6443772280436426,
    ci: [
     0.6345675343281448,
     0.6540671444843341
    ]
   },
   difference: {
    estimate: 0.05517722804364267,
    ci: [
     0.041463201709433364,
     0.06889125437785197
    ]
   },
   relativeLift: {
    estimate: 0.09364770543727541,
    ci: [
     0.06927005847474808,
     0.11802535239980295
    ]
   },
   zScore: 7.885749749694375,
   pValue: 3.1265260928571925e-15,
   pooledPValue: 3.6977462376002596e-15,
   probabilityBBeatsA: 0.9999999999980299,
   srm: {
    pValue: 2.6893259874032502e-250,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 800,
    successes: 118
   },
   b: {
    samples: 787,
    successes: 119
   },
   trafficSplit: 0.2,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.1475,
    ci: [
     0.12461319784369017,
     0.17375590988131145
    ]
   },
   b: {
    rate: 0.15120711562897077,
    ci: [
     0.12787555843441994,
     0.1779271484460831
    ]
   },
   difference: {
    estimate: 0.003707115628970775,
    ci: [
     -0.03136797913019827,
     0.03878221038813982
    ]
   },
   relativeLift: {
    estimate: 0.025132987315056105,
    ci: [
     -0.21561603371974197,
     0.26588200834985415
    ]
   },
   zScore: 0.20715020641273957,
   pValue: 0.8358925533052263,
   pooledPValue: 0.8358811814101785,
   probabilityBBeatsA: 0.5820981691978869,
   srm: {
    pValue: 6.986614693415014e-191,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 2500,
    successes: 308
   },
   b: {
    samples: 2475,
    successes: 209
   },
   trafficSplit: 0.3,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.1232,
    ci: [
     0.11089151441059404,
     0.13666467834956525
    ]
   },
   b: {
    rate: 0.08444444444444445,
    ci: [
     0.07412359964218523,
     0.09605326153609467
    ]
   },
   difference: {
    estimate: -0.03875555555555556,
    ci: [
     -0.05566659392244748,
     -0.021844517188663638
    ]
   },
   relativeLift: {
    estimate: -0.31457431457431456,
    ci: [
     -0.42878311419321896,
     -0.20036551495541027
    ]
   },
   zScore: -4.491710765581493,
   pValue: 0.000007065333304472413,
   pooledPValue: 0.000007502343025999466,
   probabilityBBeatsA: 0.0000036091555418895367,
   srm: {
    pValue: 6.074068754434475e-203,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 47000,
    successes: 35463
   },
   b: {
    samples: 40366,
    successes: 29156
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.754531914893617,
    ci: [
     0.7506204469223479,
     0.7584017788666055
    ]
   },
   b: {
    rate: 0.7222910370113462,
    ci: [
     0.7179009481628068,
     0.7266388209196614
    ]
   },
   difference: {
    estimate: -0.03224087788227081,
    ci: [
     -0.03809126763515608,
     -0.026390488129385548
    ]
   },
   relativeLift: {
    estimate: -0.04272964104747845,
    ci: [
     -0.050338554419540285,
     -0.035120727675416616
    ]
   },
   zScore: -10.8011537945896,
   pValue: 3.3990512441201295e-27,
   pooledPValue: 2.5749921533644722e-27,
   probabilityBBeatsA: 3.8914601348606235e-28,
   srm: {
    pValue: 1.4578467425200074e-111,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 120,
    successes: 60
   },
   b: {
    samples: 152,
    successes: 71
   },
   trafficSplit: 0.6,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.5,
    ci: [
     0.41193870541108385,
     0.5880612945889162
    ]
   },
   b: {
    rate: 0.46710526315789475,
    ci: [
     0.389580731981444,
     0.5462514908707197
    ]
   },
   difference: {
    estimate: -0.032894736842105254,
    ci: [
     -0.1524517580833845,
     0.08666228439917398
    ]
   },
   relativeLift: {
    estimate: -0.06578947368421051,
    ci: [
     -0.29622809064215305,
     0.16464914327373203
    ]
   },
   zScore: -0.5392615073717546,
   pValue: 0.5897064250519748,
   pooledPValue: 0.5898103618648739,
   probabilityBBeatsA: 0.295427168932428,
   srm: {
    pValue: 0.1656838389129995,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 50,
    successes: 15
   },
   b: {
    samples: 57,
    successes: 18
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.3,
    ci: [
     0.19103553500880943,
     0.437503504644534
    ]
   },
   b: {
    rate: 0.3157894736842105,
    ci: [
     0.21004287638825248,
     0.4447977469786345
    ]
   },
   difference: {
    estimate: 0.01578947368421052,
    ci: [
     -0.15941245166310394,
     0.19099139903152498
    ]
   },
   relativeLift: {
    estimate: 0.052631578947368404,
    ci: [
     -0.5477269868831349,
     0.6529901447778717
    ]
   },
   zScore: 0.17663504379045875,
   pValue: 0.8597950659045126,
   pooledPValue: 0.8599444223658441,
   probabilityBBeatsA: 0.5664274382945165,
   srm: {
    pValue: 0.498586453300627,
    mismatch: false
   }
  }
 },
 {
  input: {
   a: {
    samples: 47000,
    successes: 23060
   },
   b: {
    samples: 56741,
    successes: 30671
   },
   trafficSplit: 0.3,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.4906382978723404,
    ci: [
     0.4861197201414251,
     0.4951584058013032
    ]
   },
   b: {
    rate: 0.5405438747995277,
    ci: [
     0.5364407653335059,
     0.5446414948634657
    ]
   },
   difference: {
    estimate: 0.04990557692718728,
    ci: [
     0.04380309789617495,
     0.056008055958199604
    ]
   },
   relativeLift: {
    estimate: 0.10171561646044242,
    ci: [
     0.08856878191222052,
     0.11486245100866442
    ]
   },
   zScore: 16.02842597375614,
   pValue: 8.090620566040588e-58,
   pooledPValue: 1.0318933688457371e-57,
   probabilityBBeatsA: 0.9999999999978217,
   srm: {
    pValue: 0,
    mismatch: true
   }
  }
 },
 {
  input: {
   a: {
    samples: 250000,
    successes: 127583
   },
   b: {
    samples: 208418,
    successes: 107466
   },
   trafficSplit: 0.5,
   alpha: 0.05
  },
  expected: {
   a: {
    rate: 0.510332,
    ci: [
     0.5083723108043795,
     0.5122913716808791
    ]
   },
   b: {
    rate: 0.5156272490859715,
    ci: [
     0.5134814326833167,
     0.5177724894315928
    ]
   },
   difference: {
    estimate: 0.005295249085971454,
    ci: [
     0.0023895313981641578,
     0.00820096677377875
    ]
   },
   relativeLift: {
    estimate: 0.010376086716042603,
    ci: [
     0.00465536378100515,
     0.016096809651079867
    ]
   },
   zScore: 3.5717501191605714,
   pValue: 0.00035460366731960614,
   pooledPValue: 0.0003547917228863147,
   probabilityBBeatsA: 0.9998226176807996,
   srm: {
    pValue: 0,
    mismatch: true
   }
  }
 }
];

export const SAMPLE_SIZE_VECTORS: readonly { input: { baselineRate: number; minimumDetectableEffect: number; alpha: number; power: number }; expected: number }[] = [
 {
  input: {
   baselineRate: 0.5099211671101558,
   minimumDetectableEffect: 0.01,
   alpha: 0.05,
   power: 0.8
  },
  expected: 39209
 },
 {
  input: {
   baselineRate: 0.6545589385892507,
   minimumDetectableEffect: 0.05,
   alpha: 0.05,
   power: 0.8
  },
  expected: 1367
 },
 {
  input: {
   baselineRate: 0.6049047652817856,
   minimumDetectableEffect: 0.01,
   alpha: 0.05,
   power: 0.8
  },
  expected: 37348
 },
 {
  input: {
   baselineRate: 0.19993848754636223,
   minimumDetectableEffect: 0.05,
   alpha: 0.05,
   power: 0.8
  },
  expected: 1094
 },
 {
  input: {
   baselineRate: 0.3166719075162186,
   minimumDetectableEffect: 0.005,
   alpha: 0.05,
   power: 0.8
  },
  expected: 136445
 },
 {
  input: {
   baselineRate: 0.7922026900273026,
   minimumDetectableEffect: 0.02,
   alpha: 0.05,
   power: 0.8
  },
  expected: 6226
 },
 {
  input: {
   baselineRate: 0.4041800468741415,
   minimumDetectableEffect: 0.01,
   alpha: 0.05,
   power: 0.8
  },
  expected: 37949
 },
 {
  input: {
   baselineRate: 0.5693914562750926,
   minimumDetectableEffect: 0.02,
   alpha: 0.05,
   power: 0.8
  },
  expected: 9563
 },
 {
  input: {
   baselineRate: 0.3854207583250426,
   minimumDetectableEffect: 0.02,
   alpha: 0.05,
   power: 0.8
  },
  expected: 9381
 },
 {
  input: {
   baselineRate: 0.766250473491,
   minimumDetectableEffect: 0.02,
   alpha: 0.05,
   power: 0.8
  },
  expected: 6816
 },
 {
  input: {
   baselineRate: 0.11040359411646979,
   minimumDetectableEffect: 0.005,
   alpha: 0.05,
   power: 0.8
  },
  expected: 62889
 },
 {
  input: {
   baselineRate: 0.22013437004804598,
   minimumDetectableEffect: 0.01,
   alpha: 0.05,
   power: 0.8
  },
  expected: 27384
 }
];
