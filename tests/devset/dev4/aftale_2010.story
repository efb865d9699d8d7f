@header Aftale om kommunernes økonomi for 2010
@footer {page}
# Aftale om kommunernes
# økonomi for 2010

**Regeringen og KL · 11. juni 2009**

[boks Boks 1. Hovedtal i aftalen]
### Kommunernes serviceudgifter i 2010
223.720 mio. kr. (2010-pl), heraf et løft på 1.200 mio. kr. i forhold til det aftalte niveau for 2009.

### Kommunernes bruttoanlæg i 2010
18,9 mia. kr. ekskl. ældreboliger, inkl. fremrykkede investeringer.

### Finansiering
Ekstraordinært finansieringstilskud på 2,5 mia. kr., jf. tabel 3. Lånepulje på 1,0 mia. kr.
[/boks]

## 1. Aftalen i en tid med krise

Den internationale finanskrise har ramt dansk økonomi hårdt. Produktionen falder, og ledigheden stiger for første gang i flere år. Regeringen og KL er enige om, at kommunerne skal bidrage til at holde hånden under beskæftigelsen, samtidig med at de offentlige finanser ikke svækkes varigt. Aftalen for 2010 afspejler derfor et højt niveau for de kommunale investeringer, mens væksten i serviceudgifterne er begrænset.

Kommunerne overtager fra august 2009 ansvaret for hele beskæftigelsesindsatsen og fra 2010 finansieringen af udgifterne til forsikrede ledige. Det er første gang, at disse udgifter og det nye beskæftigelsestilskud indgår i aftalen om kommunernes økonomi.

## 2. Kommunernes økonomi i 2010

### Service

Regeringen og KL er enige om, at kommunernes serviceudgifter kan øges med 1,2 mia. kr. i forhold til det aftalte niveau for 2009. Løftet skal give plads til den demografiske udvikling og til kvalitetsreformens initiativer på ældre- og børneområdet. Det aftalte niveau for serviceudgifterne i 2010 fremgår af boks 1 og af tabel 1.

Kommunernes budgetter for 2009 ligger over det aftalte niveau. Aftalen indebærer, at serviceudgifterne i 2010 ligger 1,1 mia. kr. over budgetterne for 2009 omregnet til 2010-priser. Parterne er enige om, at kommunerne ved budgetlægningen for 2010 skal sikre, at den aftalte udvikling overholdes.

### Anlæg

Parterne er enige om et højt kommunalt anlægsniveau i 2010 for at understøtte beskæftigelsen i bygge- og anlægssektoren. Niveauet omfatter investeringer, der er fremrykket fra de kommende år, og investeringer med støtte fra kvalitetsfonden, jf. boks 1. Anlægsniveauet for 2010 er det højeste i aftalesystemets historie, jf. tabel 2.

Kommunerne kan herudover søge om adgang til lånefinansiering fra en lånepulje på 1,0 mia. kr. til investeringer i kvalitetsfondsprojekter og energibesparelser.

### Budgetgaranti og beskæftigelsestilskud

Budgetgarantien for de konjunkturafhængige overførsler videreføres. Udgifterne til forsikrede ledige er ikke omfattet af budgetgarantien, men finansieres via det nye beskæftigelsestilskud, som fastsættes på baggrund af den forventede ledighed og efterreguleres, når den faktiske ledighed kendes.

Beskæftigelsestilskuddet er i aftalen fastsat svarende til de forudsatte udgifter til forsikrede ledige. Parterne vil følge udviklingen i ledigheden og i de kommunale udgifter til aktivering tæt i løbet af 2010.

### Balance

Tabel 1 viser kommunernes forudsatte udgifter og indtægter i 2010. Bloktilskuddet er opgjort inklusive et balancetilskud på 1,6 mia. kr., som sikrer, at der er balance mellem udgifter og indtægter i kommunerne under ét. Indtægter er vist med negativt fortegn. Udgifterne til forsikrede ledige og beskæftigelsestilskuddet indgår for første gang.

Forskellen mellem de forudsatte udgifter og indtægter finansieres af kommunernes låneoptag og af et træk på kassebeholdningen. Parterne er enige om, at kommunernes likviditet samlet set er tilfredsstillende, men at der er store forskelle mellem kommunerne.

Regeringen og KL er enige om at følge kommunernes likviditet og gæld nøje. Kommuner med en meget svag likviditet kan i 2010 søge om adgang til at lånefinansiere en del af deres anlægsudgifter, og Indenrigs- og Socialministeriet vil i løbet af efteråret 2009 gennemgå kommunernes regnskaber for at identificere kommuner, der kan have behov for særlig opmærksomhed.

Budgetterne for 2009 i tabel 1 er omregnet til 2010-priser og korrigeret for opgaveændringer, så de kan sammenlignes direkte med aftalen. Kommunerne fik ikke i 2009 udgifter til forsikrede ledige, og de tilsvarende rækker er derfor tomme for 2009. Den kommunale medfinansiering af sundhedsvæsenet er forudsat at stige i takt med aktiviteten i regionerne, og kvalitetsfondsinvesteringerne indgår i bruttoanlægget. De øvrige udgifter omfatter blandt andet renteudgifter og udgifter til ældreboliger, der ikke er omfattet af bruttoanlægget.

Skatteindtægterne i tabel 1 svarer til det statsgaranterede udskrivningsgrundlag ved uændrede skatteprocenter. Kommunerne kan som hidtil vælge selvbudgettering, men parterne er enige om, at usikkerheden om udskrivningsgrundlaget i 2010 er særlig stor som følge af krisen, og at valget bør træffes med omtanke. Regeringen og KL vil i efteråret 2009 udsende en fælles vejledning om selvbudgettering og om de regler for efterregulering, der følger af valget.

Parterne er endvidere enige om, at kommunernes regnskaber for 2009 skal gennemgås, når de foreligger, så eventuelle afvigelser fra budgetterne kan indgå i drøftelserne om 2011. Gennemgangen skal også belyse, hvordan de fremrykkede investeringer er fordelt på skoler, daginstitutioner, plejeboliger, veje og energiforbedringer. Resultatet af gennemgangen offentliggøres, og KL vil på baggrund heraf udarbejde en oversigt over gode erfaringer med at styre store anlægsprojekter i kommunerne, herunder projekter med støtte fra kvalitetsfonden.

**Tabel 1. Kommunernes udgifter og indtægter i 2010**

[tabel]
| Mio. kr., 2010-pl | Aftale 2010 | Budget 2009 | Ændring |
| Serviceudgifter | 223.720 | 222.580 | 1.140 |
| Aktivitetsbestemt medfinansiering | 16.840 | 16.310 | 530 |
| Indkomstoverførsler | 54.260 | 51.930 | 2.330 |
| Udgifter til forsikrede ledige | 6.910 | - | 6.910 |
| Bruttoanlæg (ekskl. ældreboliger) | 18.900 | 19.200 | -300 |
| Øvrige udgifter | 1.370 | 1.410 | -40 |
| **Udgifter i alt** | **322.000** | **311.430** | **10.570** |
| Skatter | -229.480 | -226.100 | -3.380 |
| Bloktilskud inkl. balancetilskud | -68.950 | -66.720 | -2.230 |
| Beskæftigelsestilskud | -6.910 | - | -6.910 |
| Øvrige indtægter | -9.160 | -10.420 | 1.260 |
| **Indtægter i alt** | **-314.500** | **-303.240** | **-11.260** |
[/tabel]

**Tabel 2. Aftalt niveau for kommunernes bruttoanlæg, 2007–2010**

[tabel]
| Mia. kr., løbende priser | 2007 | 2008 | 2009 | 2010 |
| Aftalt anlægsniveau | 15,1 | 15,8 | 16,4 | 18,9 |
[/tabel]

### Tilskud og finansiering

De økonomiske forskelle mellem kommunerne er blevet større i de senere år. Der ydes derfor et ekstraordinært finansieringstilskud i 2010, som fordeles som vist i tabel 3. Herudover videreføres særtilskudspuljen til vanskeligt stillede kommuner.

**Tabel 3. Det ekstraordinære finansieringstilskud i 2010**

[tabel]
| Mio. kr. | 2010 |
| Fordelt efter de grundlæggende økonomiske vilkår | 1.000 |
| Fordelt efter indbyggertal | 1.500 |
| **Finansieringstilskud i alt** | **2.500** |
[/tabel]

### Skat

Regeringens skattestop gælder også for kommunerne. Kommunernes samlede skat skal derfor holdes uændret i 2010. Forhøjer en kommune skatten, modregnes provenuet i kommunens bloktilskud, og der er ikke aftalt en ramme for skatteforhøjelser i 2010.

## 3. Forudsætninger

Den forudsatte pris- og lønstigning for de kommunale serviceudgifter er 2,9 pct. fra 2009 til 2010. For anlægsudgifterne forudsættes en stigning på 2,3 pct., og for kommunernes samlede udgifter inklusive overførsler 2,6 pct. Satsreguleringsprocenten for 2010 er 3,1 pct.

Bloktilskuddet for 2009 midtvejsreguleres med -0,9 mia. kr. som følge af lavere skøn for pris- og lønudviklingen og ændrede forudsætninger for overførslerne.

Kommunernes udviklingsbidrag til regionerne reguleres med det regionale pris- og lønskøn på 2,7 pct., så bidraget stiger fra 113 kr. pr. indbygger i 2009 til 116 kr. pr. indbygger i 2010. Den kommunale medfinansiering af sundhedsvæsenet er fortsat loftbelagt med 1.500 kr. pr. indbygger.

## 4. Kvalitetsreform og modernisering

Regeringen og KL er enige om at fortsætte gennemførelsen af kvalitetsreformen. Kommunerne skal frigøre ressourcer gennem bedre ledelse, enklere regler og øget brug af ny teknologi, og de frigjorte midler skal anvendes til borgernær service.

Parterne er enige om følgende:

- en fælles handlingsplan for bedre ledelse i den offentlige sektor;
- afbureaukratisering af dokumentationen i ældreplejen og i de sociale tilbud;
- digitale løsninger i borgerservice, herunder digital selvbetjening på flere områder;
- et udvidet samarbejde om fælles indkøb mellem kommunerne.

## 5. Beskæftigelse

Med overtagelsen af beskæftigelsesindsatsen for de forsikrede ledige får kommunerne det samlede ansvar for at hjælpe ledige i arbejde. Parterne er enige om at følge implementeringen tæt og om at evaluere finansieringsmodellen i 2011.
