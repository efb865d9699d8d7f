@header Aftale om kommunernes økonomi for 2063
@footer Regeringen og KL · side {page}

# Aftale om kommunernes
# økonomi for 2063

6. juni 2062

## 1. Aftalens hovedindhold

Regeringen og KL har indgået aftale om rammerne for kommunernes økonomi i 2063. Aftalen giver kommunerne mulighed for at udbygge den borgernære service i takt med, at der bliver flere ældre, og fastholder samtidig kravet om, at budgetterne samlet holder sig inden for det aftalte.

Med aftalen for 2063 er det samlede løft af kommunernes serviceudgifter i de tre år 2061–2063 på i alt 4,7 mia. kr. Parterne er enige om at evaluere den flerårige sundhedsplan i 2064.

## 2. Kommunernes udgifter i 2063

### Serviceudgifter

Kommunernes udgiftsloft for service tager i 2063 afsæt i et niveau, der er hævet med 1,5 mia. kr. i forhold til den almindelige fremskrivning. Løftet skal bl.a. gå til flere hænder i ældreplejen og til børn med særlige behov.

Sidste år blev serviceudgifterne aftalt til 914,6 mia. kr. Efter pris- og lønfremskrivning, løftet og de tekniske korrektioner kan kommunernes serviceudgifter i 2063 i alt udgøre **936,2 mia. kr.** Hertil kan komme reguleringer for DUT mv.

### Anlæg

Kommunerne kan i 2063 budgettere med bruttoanlægsudgifter på 61,4 mia. kr. Parterne forventer, at anlægsniveauet i 2064 vil ligge omkring 62,5 mia. kr., men tager stilling hertil i næste års aftale. Regionernes anlægsloft for 2063 er 10,5 mia. kr.

### Tilbageholdelse af bloktilskud

Staten holder en del af kommunernes bloktilskud tilbage, indtil kommunernes budgetter for 2063 er opgjort. Bloktilskuddet nedsættes med op til 3 mia. kr., hvis kommunerne under ét budgetterer med serviceudgifter over det aftalte niveau. Tilsvarende kan bloktilskuddet reduceres med op til 1 mia. kr., hvis de samlede budgetterede bruttoanlæg ligger over det aftalte anlægsniveau. En eventuel nedsættelse gennemføres kollektivt og individuelt efter regeringens samlede vurdering.

Tabel 1 sammenfatter kommunernes økonomi i 2063.

[tabel]
| Tabel 1. Kommunernes økonomi (mia. kr., 2063-pl) | 2062-aftalen (2063-pl) | 2063 |
| Udgifter, samlet | 1.295,5 | 1.298,0 |
| Service, netto | 934,7 | 936,2 |
| Overførsler inkl. forsikrede ledige | 241,9 | 242,6 |
| Bruttoanlæg ekskl. ældreboliger | 61,2 | 61,4 |
| Aktivitetsbestemt medfinansiering | 55,2 | 55,3 |
| Øvrige udgifter | 2,5 | 2,5 |
| Indtægter, samlet | -1.294,5 | -1.298,9 |
| Skatter | -1.025,9 | -1.028,4 |
| Bloktilskud inkl. beskæftigelsestilskud | -252,2 | -253,9 |
| heraf tilbageholdt bloktilskud | -3,5 | -4,0 |
| Øvrige indtægter | -16,4 | -16,6 |
[/tabel]

Anm.: Indtægter er angivet med negativt fortegn. Beskæftigelsestilskuddet indgår i bloktilskudsrækken.

[side]

## 3. Priser, regulering og tilskud

### Fremskrivning

Rammerne for 2063 er fremskrevet med de skøn for pris- og lønudviklingen fra 2062 til 2063, som fremgår af tabel 2.

[tabel]
| Tabel 2. Pris- og lønskøn 2062–2063 | Pct. |
| Kommunal service | 2,2 |
| Kommunale anlæg | 1,9 |
| Kommunernes udgifter i alt inkl. overførsler | 2,1 |
| Regionerne, inkl. medicin | 2,3 |
[/tabel]

### Midtvejsregulering

Ved sidste års aftale blev bloktilskuddet for 2061 nedsat med 1,7 mia. kr. Skønnene for 2062 er nu opjusteret, især for udgifterne til forsikrede ledige. Parterne er på den baggrund enige om, at kommunernes bloktilskud for 2062 midtvejsreguleres med 1,3 mia. kr., som udbetales i efteråret 2062.

### Finansieringstilskud

Det ekstraordinære finansieringstilskud på 4,5 mia. kr. i 2062 videreføres ikke. Kommunerne får i stedet et permanent løft af bloktilskuddet på 2,5 mia. kr., som er indregnet i tabel 1.

[boks Boks 1. Skat i 2063]
Udgangspunktet er, at den kommunale skat samlet ikke stiger i 2063. Kommuner kan dog hæve skatten, så længe de samlede forhøjelser ikke overstiger 300 mio. kr. i provenu.

Til kommuner, der sænker skatten, ydes tilskud inden for en samlet ramme på 300 mio. kr. i provenu. Tilskuddet dækker en faldende del af provenutabet:

- 2063: 75 pct.
- 2064: 60 pct.
- 2065: 40 pct.
- 2066: 20 pct.
[/boks]

## 4. Bidrag til regionerne

Sidste år blev grundbidraget til regionernes udviklingsopgaver for 2062 aftalt til 306 kr. pr. indbygger. Efter en teknisk korrektion er bidraget for 2062 opgjort til 305 kr. pr. indbygger. Efter regulering med det regionale pris- og lønskøn, jf. tabel 2, bliver udgangspunktet for grundbidraget i 2063 312 kr. pr. indbygger.

## 5. Øvrige forhold

Lånepuljen til kommuner med svag likviditet videreføres med 0,5 mia. kr. i 2063. Parterne drøfter rammerne for 2064 i foråret 2063.
